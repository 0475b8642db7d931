namespace PagingServer.Media.Klaxon;

/// <summary>
/// Outcome of <see cref="KlaxonLoader.Load"/>: the converted klaxon, or why there is none.
/// </summary>
public sealed class KlaxonResult
{
    private KlaxonResult(
        string? error, float[] samples, int sampleRate, int channels, bool cacheHit,
        string? cachePath, string? decoder, IReadOnlyList<string> warnings)
    {
        Error = error;
        Samples = samples;
        SampleRate = sampleRate;
        Channels = channels;
        CacheHit = cacheHit;
        CachePath = cachePath;
        Decoder = decoder;
        Warnings = warnings;
    }

    /// <summary>True when <see cref="Samples"/> holds the klaxon.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Why loading failed (names the file), or null on success.</summary>
    public string? Error { get; }

    /// <summary>Interleaved samples, <see cref="Channels"/> per frame; empty on failure.</summary>
#pragma warning disable CA1819 // The mixer takes ownership of this one array; no copy is wanted.
    public float[] Samples { get; }
#pragma warning restore CA1819

    /// <summary>Sample rate of <see cref="Samples"/> in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>Samples per frame in <see cref="Samples"/>.</summary>
    public int Channels { get; }

    /// <summary>Number of frames (samples per channel).</summary>
    public int Frames => Channels == 0 ? 0 : Samples.Length / Channels;

    /// <summary>True when the klaxon came from a valid cache entry without decoding.</summary>
    public bool CacheHit { get; }

    /// <summary>The cache entry holding this klaxon, or null when it could not be cached.</summary>
    public string? CachePath { get; }

    /// <summary>"libsndfile" or "ffmpeg" when the source was decoded; null on a cache hit.</summary>
    public string? Decoder { get; }

    /// <summary>Problems that did not stop loading (cache not writable, damaged entry rebuilt...).</summary>
    public IReadOnlyList<string> Warnings { get; }

    internal static KlaxonResult Failure(string error, IReadOnlyList<string> warnings) =>
        new(error, [], 0, 0, false, null, null, warnings);

    internal static KlaxonResult Success(
        float[] samples, int sampleRate, int channels, bool cacheHit, string? cachePath,
        string? decoder, IReadOnlyList<string> warnings) =>
        new(null, samples, sampleRate, channels, cacheHit, cachePath, decoder, warnings);
}
