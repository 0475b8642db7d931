using System.Runtime.InteropServices;

namespace PagingServer.Media.Interop;

/// <summary>
/// Bindings to the speexdsp resampler (speex/speex_resampler.h). Names are kept as in C;
/// spx_uint32_t is <see cref="uint"/>.
/// </summary>
internal static partial class LibSpeexDsp
{
    internal const string LibraryName = "libspeexdsp.so.1";

    /// <summary>speex_resampler.h: SPEEX_RESAMPLER_QUALITY_MAX.</summary>
    internal const int SPEEX_RESAMPLER_QUALITY_MAX = 10;

    [LibraryImport(LibraryName)]
    internal static partial SpeexResamplerSafeHandle speex_resampler_init(
        uint nb_channels, uint in_rate, uint out_rate, int quality, out int err);

    [LibraryImport(LibraryName)]
    internal static partial void speex_resampler_destroy(nint st);

    [LibraryImport(LibraryName)]
    internal static unsafe partial int speex_resampler_process_interleaved_float(
        SpeexResamplerSafeHandle st, float* @in, ref uint in_len, float* @out, ref uint out_len);

    [LibraryImport(LibraryName)]
    internal static partial int speex_resampler_get_input_latency(SpeexResamplerSafeHandle st);

    [LibraryImport(LibraryName)]
    internal static partial int speex_resampler_skip_zeros(SpeexResamplerSafeHandle st);

    [LibraryImport(LibraryName)]
    internal static partial nint speex_resampler_strerror(int err);

    internal static string ErrorText(int error) =>
        Marshal.PtrToStringUTF8(speex_resampler_strerror(error)) ?? $"speexdsp error {error}";
}
