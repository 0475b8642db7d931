using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace PagingServer.Systemd;

/// <summary>
/// The sd_notify protocol (sd_notify(3)): newline-separated `KEY=VALUE` datagrams to the Unix
/// socket named by `$NOTIFY_SOCKET`, a path or, with a leading '@', an abstract name. Best
/// effort: without a socket nothing is sent and nothing fails; a send error returns false.
/// </summary>
internal sealed class ServiceNotifier : IDisposable
{
    private readonly Socket? socket;
    private readonly UnixDomainSocketEndPoint? endpoint;
    private readonly Lock gate = new();

    private ServiceNotifier(string? address)
    {
        if (string.IsNullOrEmpty(address) || (address[0] != '/' && address[0] != '@'))
            return;
        // An abstract socket name is written with '@' and sent with a leading NUL byte.
        endpoint = new UnixDomainSocketEndPoint(address[0] == '@' ? "\0" + address[1..] : address);
        socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    }

    public static ServiceNotifier FromEnvironment() => new(Environment.GetEnvironmentVariable("NOTIFY_SOCKET"));

    public static ServiceNotifier ForSocket(string? address) => new(address);

    /// <summary>Whether a notify socket was given at all (systemd started us with Type=notify).</summary>
    public bool Enabled => socket is not null;

    public bool Ready(string status) => Send($"READY=1\nSTATUS={status}");

    public bool Status(string status) => Send($"STATUS={status}");

    public bool Stopping(string status) => Send($"STOPPING=1\nSTATUS={status}");

    /// <summary>RELOADING=1 with the monotonic timestamp systemd 253+ asks for (sd_notify(3)).</summary>
    public bool Reloading() =>
        Send($"RELOADING=1\nMONOTONIC_USEC={(Environment.TickCount64 * 1000).ToString(CultureInfo.InvariantCulture)}");

    public bool Watchdog() => Send("WATCHDOG=1");

    /// <summary>Asks systemd for more start-up time, e.g. while a long klaxon is converted.</summary>
    public bool ExtendTimeout(TimeSpan extra) =>
        Send($"EXTEND_TIMEOUT_USEC={((long)extra.TotalMicroseconds).ToString(CultureInfo.InvariantCulture)}");

    public bool Send(string state)
    {
        if (socket is null)
            return false;
        byte[] datagram = Encoding.UTF8.GetBytes(state);
        lock (gate)
        {
            try
            {
                return socket.SendTo(datagram, endpoint!) == datagram.Length;
            }
            catch (SocketException)
            {
                return false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    public void Dispose() => socket?.Dispose();
}
