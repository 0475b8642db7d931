using System.Net;
using System.Net.Sockets;
using PagingServer.Sip.Message;

namespace PagingServer.Sip.Transport;

/// <summary>
/// SIP over UDP (RFC 3261 18). Receives on a dedicated thread with
/// <see cref="Socket.ReceiveFrom(Span{byte}, SocketFlags, SocketAddress)"/>, which allocates nothing
/// per datagram; each datagram is copied into a pooled <see cref="SipPacket"/> for the SIP loop.
/// </summary>
public sealed class UdpSipTransport : ISipTransport
{
    // RFC 3261 7.5 start line plus headers cannot fit in fewer bytes; shorter datagrams are
    // keep-alives (RFC 5626 4.4.1 CRLF) or garbage.
    private const int MinimumMessageBytes = 16;

    private readonly Socket _socket;
    private readonly Action<SipLogLevel, string> _log;
    private Thread? _thread;
    private volatile bool _stopping;

    /// <summary>Binds to <paramref name="bind"/> (port 0 picks a free port). IPv6 any also accepts IPv4.</summary>
    public UdpSipTransport(IPEndPoint bind, Action<SipLogLevel, string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(bind);
        _log = log ?? ((_, _) => { });
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (bind.Address.Equals(IPAddress.IPv6Any))
        {
            _socket.DualMode = true;
        }
        _socket.Bind(bind);
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    /// <inheritdoc/>
    public SipTransportKind Kind => SipTransportKind.Udp;

    /// <inheritdoc/>
    public bool IsReliable => false;

    /// <inheritdoc/>
    public IPEndPoint LocalEndPoint { get; }

    /// <inheritdoc/>
    public void Start(Action<SipPacket> onReceive)
    {
        ArgumentNullException.ThrowIfNull(onReceive);
        _thread = new Thread(() => ReceiveLoop(onReceive)) { IsBackground = true, Name = "sip-udp-rx" };
        _thread.Start();
    }

    private void ReceiveLoop(Action<SipPacket> onReceive)
    {
        byte[] buffer = new byte[SipMessage.MaxMessageBytes + 1];
        var address = new SocketAddress(_socket.AddressFamily);
        var template = LocalEndPoint;
        while (!_stopping)
        {
            int n;
            try
            {
                n = _socket.ReceiveFrom(buffer, SocketFlags.None, address);
            }
            catch (SocketException e) when (!_stopping)
            {
                // ICMP errors surface here on some systems; the socket is still usable.
                _log(SipLogLevel.Trace, "UDP receive: " + e.SocketErrorCode);
                continue;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
            if (n < MinimumMessageBytes || n > SipMessage.MaxMessageBytes)
            {
                continue; // keep-alive, garbage or oversize (RFC 3261 18.1.1 bounds): dropped
            }
            try
            {
                var source = (IPEndPoint)template.Create(address);
                onReceive(new SipPacket(buffer.AsSpan(0, n), source, SipTransportKind.Udp));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _log(SipLogLevel.Error, "UDP receive handler: " + e.Message);
            }
        }
    }

    /// <inheritdoc/>
    public bool Send(ReadOnlySpan<byte> message, IPEndPoint destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        try
        {
            var target = destination;
            if (_socket.AddressFamily == AddressFamily.InterNetworkV6 && destination.AddressFamily == AddressFamily.InterNetwork)
            {
                target = new IPEndPoint(destination.Address.MapToIPv6(), destination.Port);
            }
            return _socket.SendTo(message, SocketFlags.None, target) == message.Length;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            _log(SipLogLevel.Warning, $"UDP send to {destination} failed: {e.Message}");
            return false;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stopping = true;
        _socket.Dispose();
        _thread?.Join(TimeSpan.FromSeconds(2));
    }
}
