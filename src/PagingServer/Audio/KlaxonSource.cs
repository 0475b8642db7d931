using PagingServer.Configuration;
using PagingServer.Media.Klaxon;

namespace PagingServer.Audio;

/// <summary>
/// What the configuration asks of the klaxon, as a request to the klaxon cache. The mixer plays
/// one mono klaxon on every speaker, so the cache holds it mono at JACK's rate.
/// </summary>
internal static class KlaxonSource
{
    public const int Channels = 1;

    public static KlaxonRequest Request(AudioOptions audio, int sampleRate) =>
        new(audio.Klaxon, sampleRate, Channels, audio.KlaxonMaxLength, audio.KlaxonCacheDir);
}
