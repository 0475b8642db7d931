using System.Runtime.InteropServices;

namespace PagingServer.Media.Interop;

/// <summary>The streaming (single channel) entry points of the speexdsp resampler, added to
/// the bindings in Interop.libspeexdsp.cs.</summary>
internal static partial class LibSpeexDsp
{
    /// <summary>speex_resampler.h: RESAMPLER_ERR_SUCCESS.</summary>
    internal const int RESAMPLER_ERR_SUCCESS = 0;

    [LibraryImport(LibraryName)]
    internal static unsafe partial int speex_resampler_process_float(
        SpeexResamplerSafeHandle st, uint channel_index, float* @in, ref uint in_len, float* @out, ref uint out_len);

    [LibraryImport(LibraryName)]
    internal static partial int speex_resampler_reset_mem(SpeexResamplerSafeHandle st);
}
