using System.Globalization;
using System.Net;
using System.Text;
using PagingServer.Sip.Message;
using PagingServer.Sip.Transactions;

namespace PagingServer.Sip.Tests.Transactions;

/// <summary>A fake clock, an inline loop and a send log: transactions run on the test's thread.</summary>
internal sealed class TransactionHarness
{
    public static readonly IPEndPoint Peer = new(IPAddress.Loopback, 5099);

    public TransactionHarness(bool reliable = false)
    {
        Clock = new ManualTimeProvider();
        Loop = new SipLoop(Clock, inline: true);
        Context = new SipTransactionContext(Loop, (bytes, to) =>
        {
            Sent.Add((Clock.GetUtcNow() - Start, Encoding.UTF8.GetString(bytes)));
            return true;
        }, reliable) { Terminated = t => Terminated.Add(t) };
        Start = Clock.GetUtcNow();
    }

    public ManualTimeProvider Clock { get; }

    public SipLoop Loop { get; }

    public SipTransactionContext Context { get; }

    public DateTimeOffset Start { get; }

    public List<(TimeSpan At, string Text)> Sent { get; } = [];

    public List<SipTransaction> Terminated { get; } = [];

    public void Advance(double seconds) => Clock.Advance(TimeSpan.FromSeconds(seconds));

    /// <summary>Send times in milliseconds since the start.</summary>
    public List<int> SendTimesMs() => Sent.Select(s => (int)s.At.TotalMilliseconds).ToList();

    public static SipMessage Request(string method, string branch = "z9hG4bKtest1", int cseq = 1)
    {
        string text = string.Create(CultureInfo.InvariantCulture,
            $"{method} sip:pager@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5099;branch={branch};rport\r\nMax-Forwards: 70\r\n"
            + $"From: <sip:caller@127.0.0.1>;tag=abc\r\nTo: <sip:pager@127.0.0.1>\r\nCall-ID: tx-test@127.0.0.1\r\nCSeq: {cseq} {method}\r\nContent-Length: 0\r\n\r\n");
        var m = new SipMessage();
        Assert.True(m.Parse(Encoding.UTF8.GetBytes(text)).IsOk);
        return m;
    }

    public static SipMessage Response(int code, string method, string branch = "z9hG4bKtest1", int cseq = 1)
    {
        string text = string.Create(CultureInfo.InvariantCulture,
            $"SIP/2.0 {code} Whatever\r\nVia: SIP/2.0/UDP 127.0.0.1:5099;branch={branch};rport\r\n"
            + $"From: <sip:caller@127.0.0.1>;tag=abc\r\nTo: <sip:pager@127.0.0.1>;tag=xyz\r\nCall-ID: tx-test@127.0.0.1\r\nCSeq: {cseq} {method}\r\nContent-Length: 0\r\n\r\n");
        var m = new SipMessage();
        Assert.True(m.Parse(Encoding.UTF8.GetBytes(text)).IsOk);
        return m;
    }

    public static byte[] Bytes(SipMessage m) => m.Bytes.ToArray();
}
