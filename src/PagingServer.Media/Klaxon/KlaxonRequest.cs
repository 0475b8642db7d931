namespace PagingServer.Media.Klaxon;

/// <summary>
/// What klaxon to prepare and in which shape the mixer wants it.
/// </summary>
/// <param name="SourcePath">The sound file as configured (any format libsndfile or ffmpeg reads).</param>
/// <param name="TargetSampleRate">JACK's sample rate in Hz.</param>
/// <param name="Channels">Channel layout of the result: 1 for mono, or N for one channel per
/// speaker output (see <see cref="KlaxonLoader"/> for how source channels are mapped).</param>
/// <param name="MaxLength">Longest klaxon kept (option <c>klaxon-max-length</c>); a longer
/// source is cut with a short fade-out. Zero or negative means no limit.</param>
/// <param name="CacheDirectory">Where converted klaxons are kept (option
/// <c>klaxon-cache-dir</c>, default <see cref="KlaxonDefaults.CacheDirectory"/>).</param>
public sealed record KlaxonRequest(
    string SourcePath,
    int TargetSampleRate,
    int Channels,
    TimeSpan MaxLength,
    string CacheDirectory)
{
    /// <summary>The ffmpeg executable used for formats libsndfile cannot read; a bare name is
    /// looked up on PATH.</summary>
    public string FfmpegPath { get; init; } = KlaxonDefaults.FfmpegPath;

    /// <summary>Which resampler library converts the rate.</summary>
    public KlaxonResampler Resampler { get; init; } = KlaxonResampler.Auto;
}
