using PagingServer.Jack;
using PagingServer.Paging;

namespace PagingServer.Audio;

/// <summary>The page sequencer's view of the JACK engine, with the klaxon loaded at JACK's rate.</summary>
internal sealed class JackPageAudio(JackEngine engine, float[]? klaxon, int sampleRate) : IPageAudio
{
    public TimeSpan KlaxonLength { get; } = klaxon is null ? TimeSpan.Zero : TimeSpan.FromSeconds((double)klaxon.Length / sampleRate);

    public void DuckMusic() => engine.DuckMusic();

    public void RestoreMusic(float startLevel)
    {
        engine.SetMusicGain(startLevel, TimeSpan.Zero);
        engine.RestoreMusic();
    }

    public Task PlayKlaxon() => klaxon is null ? Task.CompletedTask : engine.PlayKlaxon(klaxon);

    public void StopKlaxon() => engine.StopKlaxon();
}
