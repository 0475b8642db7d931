using System.Runtime.InteropServices;

namespace PagingServer.Media.Interop;

/// <summary>
/// Bindings to libsamplerate (samplerate.h, 0.2.x). Names are kept as in C.
/// </summary>
internal static partial class LibSampleRate
{
    internal const string LibraryName = "libsamplerate.so.0";

    /// <summary>samplerate.h: SRC_SINC_BEST_QUALITY, the highest-quality sinc converter.</summary>
    internal const int SRC_SINC_BEST_QUALITY = 0;

    /// <summary>samplerate.h: SRC_DATA. C <c>long</c> fields are <see cref="CLong"/>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct SRC_DATA
    {
        public float* data_in;
        public float* data_out;
        public CLong input_frames;
        public CLong output_frames;
        public CLong input_frames_used;
        public CLong output_frames_generated;
        public int end_of_input;
        public double src_ratio;
    }

    [LibraryImport(LibraryName)]
    internal static partial SrcStateSafeHandle src_new(int converter_type, int channels, out int error);

    [LibraryImport(LibraryName)]
    internal static partial nint src_delete(nint state);

    [LibraryImport(LibraryName)]
    internal static partial int src_process(SrcStateSafeHandle state, ref SRC_DATA data);

    [LibraryImport(LibraryName)]
    internal static partial nint src_strerror(int error);

    [LibraryImport(LibraryName)]
    internal static partial nint src_get_version();

    internal static string ErrorText(int error) =>
        Marshal.PtrToStringUTF8(src_strerror(error)) ?? $"libsamplerate error {error}";
}
