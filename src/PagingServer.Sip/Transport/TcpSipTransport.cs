using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace PagingServer.Sip.Transport;

/// <summary>
/// SIP over TCP (RFC 3261 18.3): a listener plus one <see cref="TcpSipConnection"/> per peer,
/// accepted or opened on demand. Responses go back on the connection the request came in on
/// (RFC 3261 18.2.2), which is the connection keyed by the request's source address.
/// </summary>
public sealed class TcpSipTransport : ISipTransport
{
    /// <summary>Connections kept at once; further ones are closed at accept.</summary>
    public const int MaxConnections = 128;

    private readonly Socket _listener;
    private readonly Action<SipLogLevel, string> _log;
    private readonly ConcurrentDictionary<IPEndPoint, TcpSipConnection> _connections = new();
    private Action<SipPacket>? _onReceive;
    private Thread? _acceptThread;
    private volatile bool _stopping;

    /// <summary>Binds and listens on <paramref name="bind"/> (port 0 picks a free port).</summary>
    public TcpSipTransport(IPEndPoint bind, Action<SipLogLevel, string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(bind);
        _log = log ?? ((_, _) => { });
        _listener = new Socket(bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (bind.Address.Equals(IPAddress.IPv6Any))
        {
            _listener.DualMode = true;
        }
        _listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Bind(bind);
        _listener.Listen(64);
        LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
    }

    /// <inheritdoc/>
    public SipTransportKind Kind => SipTransportKind.Tcp;

    /// <inheritdoc/>
    public bool IsReliable => true;

    /// <inheritdoc/>
    public IPEndPoint LocalEndPoint { get; }

    /// <inheritdoc/>
    public void Start(Action<SipPacket> onReceive)
    {
        _onReceive = onReceive ?? throw new ArgumentNullException(nameof(onReceive));
        _acceptThread = new Thread(AcceptLoop) { IsBackground = true, Name = "sip-tcp-accept" };
        _acceptThread.Start();
    }

    private void AcceptLoop()
    {
        while (!_stopping)
        {
            Socket client;
            try
            {
                client = _listener.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                if (_stopping)
                {
                    return;
                }
                continue;
            }
            if (_connections.Count >= MaxConnections)
            {
                // Each connection has a reader thread: a scan must not exhaust them.
                client.Dispose();
                continue;
            }
            Add(client);
        }
    }

    private TcpSipConnection Add(Socket socket)
    {
        socket.NoDelay = true;
        var remote = Normalize((IPEndPoint)socket.RemoteEndPoint!);
        var connection = new TcpSipConnection(socket, remote, _onReceive!, _log, Remove);
        var previous = _connections.GetOrAdd(remote, connection);
        if (!ReferenceEquals(previous, connection))
        {
            // A second connection from the same address and port cannot exist; keep the newest.
            _connections[remote] = connection;
        }
        connection.Start();
        return connection;
    }

    private void Remove(TcpSipConnection connection) =>
        _connections.TryRemove(new KeyValuePair<IPEndPoint, TcpSipConnection>(connection.Remote, connection));

    /// <inheritdoc/>
    public bool Send(ReadOnlySpan<byte> message, IPEndPoint destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var key = Normalize(destination);
        if (_connections.TryGetValue(key, out var existing))
        {
            return existing.Send(message);
        }
        // Open a connection without blocking the SIP loop; a failure shows as a transaction timeout.
        byte[] copy = message.ToArray();
        _ = Task.Run(() =>
        {
            try
            {
                var socket = new Socket(key.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(key);
                var c = _connections.TryGetValue(key, out var raced) ? raced : Add(socket);
                c.Send(copy);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                _log(SipLogLevel.Warning, $"TCP connect to {key} failed: {e.Message}");
            }
        });
        return true;
    }

    private static IPEndPoint Normalize(IPEndPoint ep) =>
        ep.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(ep.Address.MapToIPv4(), ep.Port) : ep;

    /// <inheritdoc/>
    public void Dispose()
    {
        _stopping = true;
        _listener.Dispose();
        foreach (var c in _connections.Values)
        {
            c.Dispose();
        }
        _acceptThread?.Join(TimeSpan.FromSeconds(2));
    }
}
