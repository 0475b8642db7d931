using System.Net.Sockets;
using System.Text;

namespace PagingServer.Tests.Systemd;

/// <summary>A real datagram socket standing where systemd's notify socket would be.</summary>
internal sealed class NotifySocket : IDisposable
{
    private readonly Socket socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly string? file;

    public NotifySocket(bool abstractName = false)
    {
        string name = $"paging-notify-{Environment.ProcessId}-{Guid.NewGuid():N}";
        if (abstractName)
        {
            Address = "@" + name;
            socket.Bind(new UnixDomainSocketEndPoint("\0" + name));
        }
        else
        {
            file = Path.Combine(Path.GetTempPath(), name + ".sock");
            Address = file;
            socket.Bind(new UnixDomainSocketEndPoint(file));
        }
        socket.ReceiveTimeout = 5000;
    }

    /// <summary>The value for $NOTIFY_SOCKET.</summary>
    public string Address { get; }

    public string Receive()
    {
        var buffer = new byte[4096];
        int n = socket.Receive(buffer);
        return Encoding.UTF8.GetString(buffer, 0, n);
    }

    /// <summary>Every datagram that arrives within the given time.</summary>
    public List<string> ReceiveFor(TimeSpan span)
    {
        var received = new List<string>();
        var buffer = new byte[4096];
        DateTime end = DateTime.UtcNow + span;
        while (DateTime.UtcNow < end)
        {
            if (!socket.Poll(TimeSpan.FromMilliseconds(50), SelectMode.SelectRead))
                continue;
            int n = socket.Receive(buffer);
            received.Add(Encoding.UTF8.GetString(buffer, 0, n));
        }
        return received;
    }

    public void Dispose()
    {
        socket.Dispose();
        if (file is not null)
            File.Delete(file);
    }
}
