using System.Runtime.InteropServices;

namespace PagingServer.Bench.Jack;

/// <summary>
/// The few libjack calls the benchmark's own client needs (the engine's binding is internal to
/// PagingServer.Jack). Native names kept; jack_client_open is variadic, and a fixed-argument
/// binding with the server name works on x86-64 (see peers.md).
/// </summary>
internal static unsafe partial class Libjack
{
    private const string Lib = "libjack.so.0";

    public const int JackNoStartServer = 0x01;
    public const int JackServerName = 0x04;
    public const ulong JackPortIsInput = 0x1;
    public const string AudioType = "32 bit float mono audio";

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint jack_client_open(string name, int options, out int status, string server);

    [LibraryImport(Lib)]
    public static partial int jack_client_close(nint client);

    [LibraryImport(Lib)]
    public static partial nint jack_get_client_name(nint client);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint jack_port_register(nint client, string name, string type, nuint flags, nuint bufferSize);

    [LibraryImport(Lib)]
    public static partial int jack_set_process_callback(nint client, nint callback, nint arg);

    [LibraryImport(Lib)]
    public static partial int jack_set_xrun_callback(nint client, nint callback, nint arg);

    [LibraryImport(Lib)]
    public static partial int jack_activate(nint client);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int jack_connect(nint client, string source, string destination);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint jack_port_by_name(nint client, string name);

    [LibraryImport(Lib)]
    public static partial nint jack_port_get_all_connections(nint client, nint port);

    [LibraryImport(Lib)]
    public static partial void jack_free(nint pointer);

    [LibraryImport(Lib)]
    public static partial float* jack_port_get_buffer(nint port, uint frames);

    [LibraryImport(Lib)]
    public static partial uint jack_last_frame_time(nint client);

    [LibraryImport(Lib)]
    public static partial ulong jack_frames_to_time(nint client, uint frames);

    /// <summary>JACK's clock in microseconds; the same clock jack_frames_to_time answers in.</summary>
    [LibraryImport(Lib)]
    public static partial ulong jack_get_time();

    /// <summary>Reads and frees a NULL-terminated list of port names.</summary>
    public static List<string> TakeList(nint list)
    {
        var names = new List<string>();
        if (list == 0)
            return names;
        for (int i = 0; Marshal.ReadIntPtr(list, i * IntPtr.Size) is var p && p != 0; i++)
            names.Add(Marshal.PtrToStringUTF8(p)!);
        jack_free(list);
        return names;
    }
}
