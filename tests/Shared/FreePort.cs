using System.Net;
using System.Net.Sockets;

namespace PagingServer.Testing;

/// <summary>
/// Ports a test may bind: the system picks one free at the moment of asking (port 0), so tests
/// never collide on fixed ports. There is a short window before the test binds it; good enough
/// on a machine where only tests pick ports this way.
/// </summary>
public static class FreePort
{
    public static int Udp(IPAddress? address = null) => Pick(address ?? IPAddress.Loopback, SocketType.Dgram, ProtocolType.Udp);

    public static int Tcp(IPAddress? address = null) => Pick(address ?? IPAddress.Loopback, SocketType.Stream, ProtocolType.Tcp);

    private static int Pick(IPAddress address, SocketType type, ProtocolType protocol)
    {
        using var socket = new Socket(address.AddressFamily, type, protocol);
        socket.Bind(new IPEndPoint(address, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
