using System.Globalization;

namespace PagingServer.Media.Klaxon;

/// <summary>
/// Prepares the klaxon for the mixer: returns it from the cache when a valid entry exists,
/// otherwise decodes (libsndfile, else ffmpeg), converts to the target rate and layout, cuts
/// it at the length limit and caches it. Source channels map to the layout as follows: a
/// source with exactly the requested count keeps its channels; any other is mixed to mono and
/// copied to every output channel. Safe to call from several threads and processes at once.
/// </summary>
public static class KlaxonLoader
{
    /// <summary>Loads or builds the klaxon described by <paramref name="request"/>.</summary>
    /// <param name="request">Source, target shape and cache directory.</param>
    /// <param name="log">Receives one line per notable event (cache hit or miss, warnings).</param>
    /// <param name="progress">Fraction done, 0 to 1; reaches 1 on success.</param>
    /// <returns>The klaxon, or a failure whose <see cref="KlaxonResult.Error"/> names the file;
    /// expected problems (missing or undecodable file) never throw.</returns>
    /// <exception cref="ArgumentException">The request itself is malformed (a caller bug).</exception>
    public static KlaxonResult Load(KlaxonRequest request, Action<string>? log = null, IProgress<double>? progress = null)
    {
        Validate(request);
        var warnings = new List<string>();
        void Warn(string message)
        {
            warnings.Add(message);
            log?.Invoke("warning: " + message);
        }

        string source = request.SourcePath;
        byte[] sourceHash;
        try
        {
            sourceHash = KlaxonCacheKey.HashSource(source);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return KlaxonResult.Failure($"klaxon file '{source}' does not exist", warnings);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return KlaxonResult.Failure($"cannot read klaxon file '{source}': {e.Message}", warnings);
        }

        if (Resampling.Resolve(request.Resampler) is not var (resampler, resamplerId))
        {
            return KlaxonResult.Failure(
                $"cannot convert klaxon '{source}': no resampler library loads (install libsamplerate0 or libspeexdsp1)",
                warnings);
        }

        byte[] key = KlaxonCacheKey.Compute(sourceHash, request.TargetSampleRate, request.Channels, request.MaxLength, resamplerId);
        string cachePath = Path.Combine(request.CacheDirectory, KlaxonCacheKey.FileName(key));
        CacheReadOutcome cached = KlaxonCacheFile.TryRead(cachePath, key, request.TargetSampleRate, request.Channels);
        switch (cached.Status)
        {
            case CacheEntryStatus.Valid:
                log?.Invoke($"klaxon cache hit: {cachePath}");
                progress?.Report(1);
                return KlaxonResult.Success(
                    cached.Samples!, request.TargetSampleRate, request.Channels, true, cachePath, null, warnings);
            case CacheEntryStatus.Damaged:
                Warn($"klaxon cache entry '{cachePath}' is damaged ({cached.Reason}); rebuilding it");
                break;
            case CacheEntryStatus.Unreadable:
                Warn($"klaxon cache entry '{cachePath}' cannot be read ({cached.Reason}); rebuilding it");
                break;
            default:
                log?.Invoke($"klaxon cache miss: converting '{source}' for {cachePath}");
                break;
        }

        ConvertOutcome converted = KlaxonConverter.Convert(request, resampler, Warn, p => progress?.Report(p));
        if (converted.Samples is not { } samples)
        {
            return KlaxonResult.Failure(converted.Error!, warnings);
        }

        string? error = KlaxonCacheFile.TryWrite(request.CacheDirectory, cachePath, key, request.TargetSampleRate, request.Channels, samples);
        if (error is not null)
        {
            Warn($"cannot write klaxon cache in '{request.CacheDirectory}' ({error}); using the klaxon converted in memory");
        }

        progress?.Report(1);
        return KlaxonResult.Success(
            samples, request.TargetSampleRate, request.Channels, false, error is null ? cachePath : null, converted.Decoder, warnings);
    }

    private static void Validate(KlaxonRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.SourcePath, nameof(request));
        ArgumentException.ThrowIfNullOrEmpty(request.CacheDirectory, nameof(request));
        if (request.TargetSampleRate is < 1000 or > 768000)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"target sample rate {request.TargetSampleRate} Hz is out of range"), nameof(request));
        }

        if (request.Channels is < 1 or > 64)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"channel count {request.Channels} is out of range 1..64"), nameof(request));
        }
    }
}
