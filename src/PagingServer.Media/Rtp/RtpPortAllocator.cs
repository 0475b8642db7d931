using System.Net;
using System.Net.Sockets;

namespace PagingServer.Media.Rtp;

/// <summary>A bound RTP socket on an even port and its RTCP socket on the next (RFC 3550 11).</summary>
public sealed class RtpSocketPair : IDisposable
{
    internal RtpSocketPair(Socket rtp, Socket rtcp)
    {
        Rtp = rtp;
        Rtcp = rtcp;
        Port = ((IPEndPoint)rtp.LocalEndPoint!).Port;
    }

    /// <summary>The RTP port to put in SDP (m= line).</summary>
    public int Port { get; }

    internal Socket Rtp { get; }

    internal Socket Rtcp { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        Rtp.Dispose();
        Rtcp.Dispose();
    }
}

/// <summary>
/// Hands out even RTP ports from [rtp-port-min, rtp-port-max] with RTCP on port + 1, going
/// round the range so a port just freed is not reused at once (late packets of the last call
/// would land in the next). Thread-safe.
/// </summary>
public sealed class RtpPortAllocator
{
    private readonly int first;
    private readonly int count;
    private readonly IPAddress bindAddress;
    private readonly Lock gate = new();
    private int next;

    /// <summary>Creates an allocator; an odd minimum is rounded up, and the range must hold
    /// at least one pair.</summary>
    public RtpPortAllocator(int minPort, int maxPort, IPAddress bindAddress)
    {
        ArgumentNullException.ThrowIfNull(bindAddress);
        first = (minPort + 1) & ~1;
        count = (maxPort - first + 1) / 2;
        if (first < 1024 || maxPort > 65535 || count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPort), $"rtp-port-min {minPort} .. rtp-port-max {maxPort} holds no even/odd pair above 1023");
        }

        this.bindAddress = bindAddress;
    }

    /// <summary>Number of pairs in the range.</summary>
    public int Capacity => count;

    /// <summary>Binds the next free pair; null when every pair in the range is taken.</summary>
    public RtpSocketPair? TryAllocate()
    {
        for (int attempt = 0; attempt < count; attempt++)
        {
            int port;
            lock (gate)
            {
                port = first + (2 * next);
                next = (next + 1) % count;
            }

            Socket? rtp = TryBind(port);
            if (rtp is null)
            {
                continue;
            }

            Socket? rtcp = TryBind(port + 1);
            if (rtcp is null)
            {
                rtp.Dispose();
                continue;
            }

            return new RtpSocketPair(rtp, rtcp);
        }

        return null;
    }

    private Socket? TryBind(int port)
    {
        var socket = new Socket(bindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(bindAddress, port));
            return socket;
        }
        catch (SocketException)
        {
            // In use by another call or program: try the next pair.
            socket.Dispose();
            return null;
        }
    }
}
