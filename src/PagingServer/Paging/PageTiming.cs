using PagingServer.Configuration;

namespace PagingServer.Paging;

/// <summary>
/// When things happen in a page, from the `[audio]` options: the original's meaning of each is
/// kept. Fade-out ends when the klaxon starts (shifted by its offset); the call is answered
/// `klaxon-padding` after the klaxon ends (before it, when negative); fade-in starts after the
/// last page ends (shifted by its offset) from `music-fade-in-min`.
/// </summary>
internal sealed record PageTiming(TimeSpan KlaxonDelay, TimeSpan KlaxonPadding, TimeSpan FadeInDelay, float FadeInStartLevel)
{
    public static PageTiming From(AudioOptions audio) => new(
        NotNegative(audio.MusicFadeOutDuration + audio.MusicFadeOutOffset),
        audio.KlaxonPadding,
        NotNegative(audio.MusicFadeInOffset),
        (float)(audio.MusicFadeInMinPercent / 100));

    private static TimeSpan NotNegative(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t;
}
