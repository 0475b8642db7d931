using System.Runtime.InteropServices;
using PagingServer.Media.Interop;

namespace PagingServer.Media.Klaxon;

internal readonly record struct ResampleOutcome(float[]? Samples, int Frames, string? Error);

/// <summary>Picks the resampler library and names it for the cache key.</summary>
internal static class Resampling
{
    /// <summary>Frames fed to the converter per call, so progress can be reported.</summary>
    internal const int ChunkFrames = 16384;

    /// <summary>
    /// Resolves <see cref="KlaxonResampler.Auto"/> to a library that loads, and names the
    /// choice with its version: a new library version may convert differently, so the name
    /// goes into the cache key. Returns null when the library cannot be loaded.
    /// </summary>
    public static (KlaxonResampler Kind, string Id)? Resolve(KlaxonResampler wanted)
    {
        if (wanted is KlaxonResampler.Auto or KlaxonResampler.LibSampleRate)
        {
            string? version = LibSampleRateVersion();
            if (version is not null)
            {
                return (KlaxonResampler.LibSampleRate, $"{version} SRC_SINC_BEST_QUALITY");
            }

            if (wanted == KlaxonResampler.LibSampleRate)
            {
                return null;
            }
        }

        if (NativeLibrary.TryLoad(LibSpeexDsp.LibraryName, out nint speex))
        {
            NativeLibrary.Free(speex);
            return (KlaxonResampler.SpeexDsp, $"{LibSpeexDsp.LibraryName} quality {LibSpeexDsp.SPEEX_RESAMPLER_QUALITY_MAX}");
        }

        return null;
    }

    /// <summary>Output frames for <paramref name="frames"/> input frames, rounded to nearest.</summary>
    public static long OutputFrames(long frames, int inRate, int outRate) =>
        ((frames * outRate) + (inRate / 2)) / inRate;

    public static ResampleOutcome Resample(
        KlaxonResampler kind, float[] input, int frames, int channels, int inRate, int outRate, Action<double>? progress)
    {
        long outFrames = OutputFrames(frames, inRate, outRate);
        if (outFrames * channels > Array.MaxLength)
        {
            return new(null, 0, "the converted klaxon is too long to hold in memory; set klaxon-max-length");
        }

        return kind == KlaxonResampler.SpeexDsp
            ? SpeexResampler.Resample(input, frames, channels, inRate, outRate, (int)outFrames, progress)
            : SrcResampler.Resample(input, frames, channels, inRate, outRate, (int)outFrames, progress);
    }

    private static string? LibSampleRateVersion()
    {
        try
        {
            return Marshal.PtrToStringUTF8(LibSampleRate.src_get_version());
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }
}
