using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using PagingServer.Bench.Jack;

namespace PagingServer.Bench.Sip;

/// <summary>
/// A minimal caller over UDP on 127.0.0.1 for timing one call: INVITE (PCMU offer), the
/// moments 180 and 200 arrive (on JACK's clock, so they compare with what the speaker got),
/// ACK and BYE to the callee's Contact. No retransmission: loopback loses nothing.
/// </summary>
internal sealed partial class SipUac : IDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint callee;
    private readonly string user;
    private readonly string callId = Guid.NewGuid().ToString("N") + "@bench";
    private readonly string fromTag = Guid.NewGuid().ToString("N")[..10];
    private readonly int localPort;
    private string toHeader = "";
    private string target = "";
    private int cseq = 1;

    public SipUac(IPEndPoint callee, string user)
    {
        this.callee = callee;
        this.user = user;
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        localPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
        socket.ReceiveTimeout = 15000;
    }

    public long InviteSentUsec { get; private set; }

    public long RingingUsec { get; private set; } = -1;

    public long OkUsec { get; private set; } = -1;

    /// <summary>Where the callee wants its audio (from the 200's SDP).</summary>
    public IPEndPoint? Media { get; private set; }

    /// <summary>Sends the INVITE and waits for the final response; true on 200.</summary>
    public bool Invite(int rtpPort)
    {
        string uri = $"sip:{user}@127.0.0.1:{callee.Port}";
        target = uri;
        toHeader = $"<{uri}>";
        string sdp = $"v=0\r\no=bench 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {rtpPort} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=ptime:20\r\na=sendrecv\r\n";
        InviteSentUsec = (long)Libjack.jack_get_time();
        Send(Request("INVITE", uri, cseq, "Content-Type: application/sdp\r\n", sdp));
        while (true)
        {
            string message = Receive();
            long now = (long)Libjack.jack_get_time();
            int status = Status(message);
            if (status == 180 && RingingUsec < 0)
                RingingUsec = now;
            if (status < 200)
                continue;
            if (status >= 300)
                return false;
            OkUsec = now;
            toHeader = Header(message, "To");
            target = ContactUri().Match(Header(message, "Contact")) is { Success: true } m ? m.Groups[1].Value : uri;
            var media = MediaPort().Match(message);
            var address = MediaAddress().Match(message);
            Media = new IPEndPoint(IPAddress.Parse(address.Success ? address.Groups[1].Value : "127.0.0.1"), int.Parse(media.Groups[1].Value, CultureInfo.InvariantCulture));
            Send(Request("ACK", target, cseq, "", ""));
            return true;
        }
    }

    /// <summary>Hangs up and waits for the 200.</summary>
    public bool Bye()
    {
        Send(Request("BYE", target, ++cseq, "", ""));
        while (true)
        {
            string message = Receive();
            if (message.Contains("CSeq: " + cseq.ToString(CultureInfo.InvariantCulture) + " BYE", StringComparison.OrdinalIgnoreCase) && Status(message) >= 200)
                return Status(message) == 200;
            if (message.StartsWith("SIP/2.0 200", StringComparison.Ordinal) && message.Contains(" INVITE", StringComparison.Ordinal))
                Send(Request("ACK", target, 1, "", "")); // a retransmitted 200 to the INVITE
        }
    }

    private string Request(string method, string uri, int number, string extra, string body) =>
        $"{method} {uri} SIP/2.0\r\n"
        + $"Via: SIP/2.0/UDP 127.0.0.1:{localPort};branch=z9hG4bK{Guid.NewGuid():N};rport\r\n"
        + "Max-Forwards: 70\r\n"
        + $"From: <sip:bench@127.0.0.1:{localPort}>;tag={fromTag}\r\n"
        + $"To: {toHeader}\r\n"
        + $"Call-ID: {callId}\r\n"
        + $"CSeq: {number} {method}\r\n"
        + $"Contact: <sip:bench@127.0.0.1:{localPort}>\r\n"
        + extra
        + $"Content-Length: {Encoding.ASCII.GetByteCount(body)}\r\n\r\n{body}";

    private void Send(string message) => socket.SendTo(Encoding.ASCII.GetBytes(message), callee);

    private string Receive()
    {
        var buffer = new byte[8192];
        while (true)
        {
            int n = socket.Receive(buffer);
            string message = Encoding.ASCII.GetString(buffer, 0, n);
            if (message.StartsWith("SIP/2.0 ", StringComparison.Ordinal))
                return message;
            // A request from the callee (an OPTIONS, a BYE): answer 200 and go on waiting.
            string via = string.Join("", message.Split("\r\n").Where(l => l.StartsWith("Via:", StringComparison.OrdinalIgnoreCase) || l.StartsWith("v:", StringComparison.Ordinal)).Select(l => l + "\r\n"));
            Send($"SIP/2.0 200 OK\r\n{via}From: {Header(message, "From")}\r\nTo: {Header(message, "To")}\r\nCall-ID: {Header(message, "Call-ID")}\r\nCSeq: {Header(message, "CSeq")}\r\nContent-Length: 0\r\n\r\n");
        }
    }

    private static int Status(string response) => int.Parse(response.AsSpan(8, 3), CultureInfo.InvariantCulture);

    private static string Header(string message, string name)
    {
        foreach (string line in message.Split("\r\n"))
        {
            if (line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
                return line[(name.Length + 1)..].Trim();
        }
        return "";
    }

    [GeneratedRegex(@"<([^>]+)>")]
    private static partial Regex ContactUri();

    [GeneratedRegex(@"m=audio (\d+) ")]
    private static partial Regex MediaPort();

    [GeneratedRegex(@"c=IN IP4 ([0-9.]+)")]
    private static partial Regex MediaAddress();

    public void Dispose() => socket.Dispose();
}
