using System.Runtime.InteropServices;

namespace PagingServer.Jack.Interop;

/// <summary>libjack (jackd2) entry points, native names kept. C <c>unsigned long</c> is
/// <c>nuint</c> and <c>jack_nframes_t</c> is <c>uint</c>. <c>jack_client_open</c> is variadic;
/// passing the server name as a fixed fourth argument works with the x86-64 System V ABI.</summary>
internal static partial class Libjack
{
    internal const string Name = "libjack.so.0";
    internal const string DefaultAudioType = "32 bit float mono audio";

    [LibraryImport(Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint jack_client_open(string clientName, JackOptions options, out JackStatus status, string? serverName);

    [LibraryImport(Name)]
    internal static partial int jack_client_close(nint client);

    [LibraryImport(Name)]
    internal static partial int jack_activate(JackClientSafeHandle client);

    [LibraryImport(Name)]
    internal static partial int jack_deactivate(JackClientSafeHandle client);

    [LibraryImport(Name)]
    internal static partial nint jack_get_client_name(JackClientSafeHandle client);

    [LibraryImport(Name)]
    internal static partial uint jack_get_sample_rate(JackClientSafeHandle client);

    [LibraryImport(Name)]
    internal static partial uint jack_get_buffer_size(JackClientSafeHandle client);

    [LibraryImport(Name)]
    internal static unsafe partial int jack_set_process_callback(JackClientSafeHandle client, nint callback, void* arg);

    [LibraryImport(Name)]
    internal static unsafe partial int jack_set_xrun_callback(JackClientSafeHandle client, nint callback, void* arg);

    [LibraryImport(Name)]
    internal static unsafe partial void jack_on_info_shutdown(JackClientSafeHandle client, delegate* unmanaged[Cdecl]<JackStatus, nint, nint, void> callback, nint arg);

    [LibraryImport(Name)]
    internal static unsafe partial int jack_set_sample_rate_callback(JackClientSafeHandle client, delegate* unmanaged[Cdecl]<uint, nint, int> callback, nint arg);

    [LibraryImport(Name)]
    internal static unsafe partial int jack_set_buffer_size_callback(JackClientSafeHandle client, delegate* unmanaged[Cdecl]<uint, nint, int> callback, nint arg);

    [LibraryImport(Name)]
    internal static unsafe partial int jack_set_port_registration_callback(JackClientSafeHandle client, delegate* unmanaged[Cdecl]<uint, int, nint, void> callback, nint arg);

    [LibraryImport(Name)]
    internal static unsafe partial int jack_set_port_connect_callback(JackClientSafeHandle client, delegate* unmanaged[Cdecl]<uint, uint, int, nint, void> callback, nint arg);

    [LibraryImport(Name)]
    internal static unsafe partial int jack_set_client_registration_callback(JackClientSafeHandle client, delegate* unmanaged[Cdecl]<nint, int, nint, void> callback, nint arg);

    [LibraryImport(Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint jack_port_register(JackClientSafeHandle client, string portName, string portType, nuint flags, nuint bufferSize);

    [LibraryImport(Name)]
    internal static partial int jack_port_unregister(JackClientSafeHandle client, nint port);

    [LibraryImport(Name)]
    internal static partial nint jack_port_name(nint port);

    [LibraryImport(Name)]
    internal static partial int jack_port_flags(nint port);

    [LibraryImport(Name)]
    internal static partial nint jack_port_type(nint port);

    [LibraryImport(Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint jack_port_by_name(JackClientSafeHandle client, string portName);

    [LibraryImport(Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint jack_get_ports(JackClientSafeHandle client, string? portNamePattern, string? typeNamePattern, nuint flags);

    [LibraryImport(Name)]
    internal static partial nint jack_port_get_all_connections(JackClientSafeHandle client, nint port);

    [LibraryImport(Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int jack_connect(JackClientSafeHandle client, string sourcePort, string destinationPort);

    [LibraryImport(Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int jack_disconnect(JackClientSafeHandle client, string sourcePort, string destinationPort);

    [LibraryImport(Name)]
    internal static partial void jack_free(nint ptr);

    [LibraryImport(Name)]
    internal static partial void jack_set_error_function(nint callback);

    [LibraryImport(Name)]
    internal static partial void jack_set_info_function(nint callback);

    [LibraryImport(Name)]
    internal static partial ulong jack_get_time();

    [LibraryImport(Name)]
    internal static partial uint jack_frame_time(JackClientSafeHandle client);

    [LibraryImport(Name)]
    internal static unsafe partial void* jack_port_get_buffer(nint port, uint nframes);

    [LibraryImport(Name)]
    internal static partial uint jack_last_frame_time(nint client);
}
