using System.Runtime.InteropServices;

namespace PagingServer.Media.Interop;

/// <summary>
/// Bindings to libsndfile (sndfile.h, API of libsndfile 1.x). Names are kept as in C.
/// </summary>
internal static partial class LibSndFile
{
    internal const string LibraryName = "libsndfile.so.1";

    /// <summary>sndfile.h: SFM_READ.</summary>
    internal const int SFM_READ = 0x10;

    /// <summary>sndfile.h: struct SF_INFO; sf_count_t is a 64-bit integer.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct SF_INFO
    {
        public long frames;
        public int samplerate;
        public int channels;
        public int format;
        public int sections;
        public int seekable;
    }

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial SndFileSafeHandle sf_open(string path, int mode, ref SF_INFO sfinfo);

    /// <summary>Reads up to <paramref name="frames"/> interleaved frames; integer formats come
    /// back normalised to [-1, 1) because SFC_SET_NORM_FLOAT is on by default.</summary>
    [LibraryImport(LibraryName)]
    internal static unsafe partial long sf_readf_float(SndFileSafeHandle sndfile, float* ptr, long frames);

    [LibraryImport(LibraryName)]
    internal static partial int sf_close(nint sndfile);

    /// <summary>With a null handle, the reason the last sf_open failed.</summary>
    [LibraryImport(LibraryName)]
    internal static partial nint sf_strerror(nint sndfile);

    internal static string LastOpenError() =>
        Marshal.PtrToStringUTF8(sf_strerror(0)) ?? "unknown libsndfile error";
}
