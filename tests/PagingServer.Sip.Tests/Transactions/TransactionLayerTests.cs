using System.Net;
using System.Text;
using PagingServer.Sip.Message;
using PagingServer.Sip.Transactions;
using PagingServer.Sip.Transport;

namespace PagingServer.Sip.Tests.Transactions;

public sealed class TransactionLayerTests
{
    private static readonly IPEndPoint Caller = new(IPAddress.Loopback, 40000);

    private static (SipTransactionLayer Layer, FakeTransport Transport, List<string> Tu) Create()
    {
        var transport = new FakeTransport();
        var loop = new SipLoop(new ManualTimeProvider(), inline: true);
        var layer = new SipTransactionLayer(loop, transport, null, null, trace: false);
        var tu = new List<string>();
        layer.RequestReceived = (m, tx, _) => tu.Add(Encoding.UTF8.GetString(m.Method) + (tx is null ? " (no tx)" : ""));
        return (layer, transport, tu);
    }

    private static void Receive(SipTransactionLayer layer, SipMessage m) => layer.Receive(new SipPacket(m.Bytes, Caller, SipTransportKind.Udp));

    [Fact]
    public void A_new_invite_gets_100_trying_at_once_and_its_retransmission_is_absorbed()
    {
        var (layer, transport, tu) = Create();
        var invite = TransactionHarness.Request("INVITE");
        Receive(layer, invite);
        Assert.Equal(["INVITE"], tu);
        Assert.Single(transport.Sent);
        Assert.StartsWith("SIP/2.0 100 Trying", transport.Sent[0].Text, StringComparison.Ordinal);
        // rport: the response goes to the packet's source port, and Via says so (RFC 3581 4).
        Assert.Equal(Caller, transport.Sent[0].To);
        Assert.Contains(";rport=40000;received=127.0.0.1", transport.Sent[0].Text, StringComparison.Ordinal);
        Receive(layer, invite);
        Assert.Single(tu);
        Assert.Equal(2, transport.Sent.Count); // the 100 again, not a new transaction
    }

    [Fact]
    public void The_ack_of_a_non_2xx_final_stays_in_the_transaction_and_the_ack_of_a_2xx_reaches_the_tu()
    {
        var (layer, _, tu) = Create();
        SipServerTransaction? tx = null;
        layer.RequestReceived = (m, t, _) => { tu.Add(Encoding.UTF8.GetString(m.Method)); tx ??= t; };
        Receive(layer, TransactionHarness.Request("INVITE"));
        layer.Respond(tx!, 486, "Busy Here", "tag1");
        Receive(layer, TransactionHarness.Request("ACK"));
        Assert.Equal(SipTransactionState.Confirmed, tx!.State);
        Receive(layer, TransactionHarness.Request("ACK", branch: "z9hG4bKother"));
        Assert.Equal(["INVITE", "ACK"], tu);
    }

    [Fact]
    public void An_unparsable_request_gets_the_parsers_status_and_garbage_gets_nothing()
    {
        var (layer, transport, tu) = Create();
        string bad = "INVITE sip:pager@127.0.0.1 SIP/7.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bKv\r\nFrom: <sip:a@b>;tag=1\r\n"
            + "To: <sip:pager@127.0.0.1>\r\nCall-ID: v@b\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";
        layer.Receive(new SipPacket(Encoding.UTF8.GetBytes(bad), Caller, SipTransportKind.Udp));
        Assert.Single(transport.Sent);
        Assert.StartsWith("SIP/2.0 505 ", transport.Sent[0].Text, StringComparison.Ordinal);
        layer.Receive(new SipPacket(Encoding.UTF8.GetBytes("\u0001\u0002garbage garbage garbage\r\n\r\n"), Caller, SipTransportKind.Udp));
        Assert.Single(transport.Sent);
        Assert.Empty(tu);
        Assert.Equal(0, layer.Count);
    }

    [Fact]
    public void A_response_reaches_its_client_transaction_by_branch_and_method()
    {
        var (layer, _, _) = Create();
        var codes = new List<int>();
        var request = TransactionHarness.Request("REGISTER", branch: "z9hG4bKreg");
        layer.SendRequest(request.Bytes.ToArray(), Caller, r => codes.Add(r.StatusCode), () => codes.Add(-1));
        Receive(layer, TransactionHarness.Response(200, "REGISTER", branch: "z9hG4bKother"));
        Receive(layer, TransactionHarness.Response(200, "INVITE", branch: "z9hG4bKreg"));
        Assert.Empty(codes);
        Receive(layer, TransactionHarness.Response(200, "REGISTER", branch: "z9hG4bKreg"));
        Assert.Equal([200], codes);
    }
}
