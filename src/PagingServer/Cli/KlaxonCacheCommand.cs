using System.Globalization;
using PagingServer.Audio;
using PagingServer.Configuration;
using PagingServer.Media.Klaxon;

namespace PagingServer.Cli;

/// <summary>
/// `paging --build-klaxon-cache [--sample-rate N] [CONF...]`: converts the configured klaxon into
/// the cache without a JACK server, so an image ships a warm cache and the device needs no
/// ffmpeg. The rate must be the one jackd will run at on the device.
/// </summary>
internal static class KlaxonCacheCommand
{
    /// <summary>EX_CANTCREAT: the cache could not be written, which is the whole point of this command.</summary>
    public const int CannotCreate = 73;

    public static int Run(PagingOptions options, int sampleRate, TextWriter stdout, TextWriter stderr)
    {
        if (options.Audio.Klaxon.Length == 0)
        {
            stderr.WriteLine("paging: no klaxon configured ([audio] klaxon is empty): nothing to build");
            return ExitCodes.Config;
        }
        int lastPercent = -1;
        var progress = new SynchronousProgress(fraction =>
        {
            int percent = (int)(fraction * 100);
            if (percent >= lastPercent + 10 || (percent == 100 && lastPercent != 100))
            {
                stderr.WriteLine($"paging: converting klaxon: {percent.ToString(CultureInfo.InvariantCulture)}%");
                lastPercent = percent;
            }
        });
        KlaxonResult result = KlaxonLoader.Load(KlaxonSource.Request(options.Audio, sampleRate), line => stderr.WriteLine($"paging: {line}"), progress);
        if (!result.Succeeded)
        {
            stderr.WriteLine($"paging: {result.Error}");
            return ExitCodes.Config;
        }
        if (result.CachePath is null)
        {
            stderr.WriteLine($"paging: the klaxon cache in '{options.Audio.KlaxonCacheDir}' could not be written");
            return CannotCreate;
        }
        double seconds = (double)result.Frames / result.SampleRate;
        stdout.WriteLine($"{result.CachePath} ({seconds.ToString("0.00", CultureInfo.InvariantCulture)} s at {result.SampleRate.ToString(CultureInfo.InvariantCulture)} Hz, {(result.CacheHit ? "already cached" : "converted")})");
        return ExitCodes.Ok;
    }

    /// <summary>Progress reported on the converting thread, not posted to a thread pool like <see cref="Progress{T}"/>.</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
