using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PagingServer.Sip.Tests.Agent;

/// <summary>A scripted SIP peer on a loopback UDP socket: sends text, receives messages.</summary>
internal sealed class UdpPeer : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[65535];

    public UdpPeer(string address = "127.0.0.1")
    {
        var ip = IPAddress.Parse(address);
        _socket = new Socket(ip.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(ip, 0));
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public IPEndPoint EndPoint { get; }

    public int Port => EndPoint.Port;

    public IPEndPoint? LastSource { get; private set; }

    public void Send(string text, IPEndPoint to) => _socket.SendTo(Encoding.UTF8.GetBytes(text), to);

    public void Send(byte[] bytes, IPEndPoint to) => _socket.SendTo(bytes, to);

    /// <summary>The next message, or null after <paramref name="timeout"/>.</summary>
    public string? Receive(TimeSpan timeout)
    {
        _socket.ReceiveTimeout = (int)Math.Max(1, timeout.TotalMilliseconds);
        try
        {
            EndPoint from = new IPEndPoint(EndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
            int n = _socket.ReceiveFrom(_buffer, ref from);
            LastSource = (IPEndPoint)from;
            return Encoding.UTF8.GetString(_buffer, 0, n);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
        {
            return null;
        }
    }

    /// <summary>Receives until a message starting with <paramref name="start"/> arrives; null on timeout.</summary>
    public string? ReceiveStarting(string start, TimeSpan timeout)
    {
        var end = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < end)
        {
            string? m = Receive(end - DateTime.UtcNow);
            if (m is not null && m.StartsWith(start, StringComparison.Ordinal))
            {
                return m;
            }
        }
        return null;
    }

    /// <summary>An INVITE with a PCMU offer from this peer.</summary>
    public string Invite(IPEndPoint agent, string callId, string branch, int cseq = 1, string toTag = "", string direction = "sendrecv")
    {
        string host = EndPoint.Address.ToString();
        string sdp = $"v=0\r\no=peer 1 {cseq} IN IP4 {host}\r\ns=-\r\nc=IN IP4 {host}\r\nt=0 0\r\nm=audio 30000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na={direction}\r\n";
        return string.Create(CultureInfo.InvariantCulture,
            $"INVITE sip:pager@{agent.Address}:{agent.Port} SIP/2.0\r\nVia: SIP/2.0/UDP {host}:{Port};branch={branch};rport\r\nMax-Forwards: 70\r\n"
            + $"From: \"Front Desk\" <sip:desk@{host}>;tag=peer1\r\nTo: <sip:pager@{agent.Address}>{(toTag.Length > 0 ? ";tag=" + toTag : "")}\r\nCall-ID: {callId}\r\n"
            + $"CSeq: {cseq} INVITE\r\nContact: <sip:desk@{host}:{Port}>\r\nContent-Type: application/sdp\r\nContent-Length: {Encoding.UTF8.GetByteCount(sdp)}\r\n\r\n{sdp}");
    }

    public static string Header(string message, string name)
    {
        foreach (string line in message.Split("\r\n"))
        {
            if (line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            {
                return line[(name.Length + 1)..].Trim();
            }
        }
        return "";
    }

    public void Dispose() => _socket.Dispose();
}
