using PagingServer.Configuration;
using PagingServer.Jack;

namespace PagingServer.Audio;

/// <summary>
/// The JACK engine's options from the configuration. Levels in the configuration are percent of
/// full scale (the original's convention); the engine takes linear gains. A level left unset
/// (negative in the file) plays at unity gain.
/// </summary>
internal static class JackSettings
{
    public static JackEngineOptions From(AudioOptions audio) => new()
    {
        ClientName = audio.JackClientName,
        ServerName = audio.JackServerName.Length == 0 ? null : audio.JackServerName,
        Autostart = audio.JackAutostart,
        OutputPorts = audio.JackOutputPorts.ToString(),
        MusicClientName = audio.JackMusicClientName.ToString(),
        MusicLinks = string.Join(' ', audio.JackMusicLinks),
        VolumeMusic = Gain(audio.VolumeMusicPercent),
        VolumeKlaxon = Gain(audio.VolumeKlaxonPercent),
        VolumeCall = Gain(audio.VolumeCallPercent),
        MusicFadeOutMin = (float)(audio.MusicFadeOutMinPercent / 100),
        MusicFadeOutDuration = audio.MusicFadeOutDuration,
        MusicFadeInDuration = audio.MusicFadeInDuration,
    };

    private static float Gain(double? percent) => percent is { } p ? (float)(p / 100) : 1f;
}
