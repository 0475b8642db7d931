using System.Runtime.InteropServices;

namespace PagingServer.Media.Interop;

/// <summary>Bindings to libopus (opus/opus.h, libopus 1.x decoder API). Names are kept as in C.</summary>
internal static partial class LibOpus
{
    internal const string LibraryName = "libopus.so.0";

    /// <summary>opus_defines.h: OPUS_OK.</summary>
    internal const int OPUS_OK = 0;

    [LibraryImport(LibraryName)]
    internal static partial OpusDecoderSafeHandle opus_decoder_create(int Fs, int channels, out int error);

    [LibraryImport(LibraryName)]
    internal static partial void opus_decoder_destroy(nint st);

    /// <summary>Decodes one packet; <paramref name="data"/> null with len 0 asks for packet loss
    /// concealment of <paramref name="frame_size"/> samples.</summary>
    [LibraryImport(LibraryName)]
    internal static unsafe partial int opus_decode_float(
        OpusDecoderSafeHandle st, byte* data, int len, float* pcm, int frame_size, int decode_fec);

    [LibraryImport(LibraryName)]
    internal static unsafe partial int opus_packet_get_nb_samples(byte* packet, int len, int Fs);

    [LibraryImport(LibraryName)]
    internal static partial nint opus_strerror(int error);

    internal static string ErrorText(int error) =>
        Marshal.PtrToStringUTF8(opus_strerror(error)) ?? $"opus error {error}";
}
