using PagingServer.Sip.Message;
using PagingServer.Sip.Transactions;

namespace PagingServer.Sip.Tests.Transactions;

public sealed class ClientTransactionTests
{
    [Fact]
    public void Non_invite_client_retransmits_on_timer_E_doubling_up_to_T2_and_times_out_at_timer_F()
    {
        var h = new TransactionHarness();
        int timeouts = 0;
        var tx = new NonInviteClientTransaction(h.Context, "k", TransactionHarness.Bytes(TransactionHarness.Request("REGISTER")),
            TransactionHarness.Peer, _ => { }, () => timeouts++);
        tx.Start();
        h.Advance(40);
        // 0, then E at 0.5, 1.5, 3.5, 7.5 (interval capped at T2 = 4 s), 11.5, ... up to F = 32 s.
        var times = h.SendTimesMs();
        Assert.Equal([0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500], times);
        Assert.Equal(1, timeouts);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Contains(tx, h.Terminated);
    }

    [Fact]
    public void Non_invite_client_in_proceeding_retransmits_every_T2_and_final_stops_it_then_timer_K_terminates()
    {
        var h = new TransactionHarness();
        var codes = new List<int>();
        var tx = new NonInviteClientTransaction(h.Context, "k", TransactionHarness.Bytes(TransactionHarness.Request("BYE")),
            TransactionHarness.Peer, r => codes.Add(r.StatusCode), () => codes.Add(-1));
        tx.Start();
        h.Advance(0.6); // one retransmission at 0.5
        tx.OnResponse(TransactionHarness.Response(100, "BYE"));
        Assert.Equal(SipTransactionState.Proceeding, tx.State);
        // The armed Timer E still fires at 1.5; from then on it is reset to T2 (17.1.2.2).
        h.Advance(4.95);
        Assert.Equal([0, 500, 1500, 5500], h.SendTimesMs());
        tx.OnResponse(TransactionHarness.Response(200, "BYE"));
        tx.OnResponse(TransactionHarness.Response(200, "BYE")); // retransmitted final: absorbed
        Assert.Equal([100, 200], codes);
        Assert.Equal(SipTransactionState.Completed, tx.State);
        h.Advance(4.9);
        Assert.Equal(SipTransactionState.Completed, tx.State);
        h.Advance(0.2); // Timer K = T4 = 5 s
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(4, h.Sent.Count);
    }

    [Fact]
    public void Non_invite_client_over_tcp_never_retransmits_and_terminates_at_once_on_a_final()
    {
        var h = new TransactionHarness(reliable: true);
        var tx = new NonInviteClientTransaction(h.Context, "k", TransactionHarness.Bytes(TransactionHarness.Request("OPTIONS")),
            TransactionHarness.Peer, _ => { }, () => { });
        tx.Start();
        h.Advance(10);
        Assert.Single(h.Sent);
        tx.OnResponse(TransactionHarness.Response(200, "OPTIONS"));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void Invite_client_doubles_timer_A_without_cap_and_times_out_at_timer_B()
    {
        var h = new TransactionHarness();
        int timeouts = 0;
        var tx = new InviteClientTransaction(h.Context, "k", TransactionHarness.Bytes(TransactionHarness.Request("INVITE")),
            TransactionHarness.Peer, _ => { }, () => timeouts++);
        tx.Start();
        h.Advance(40);
        Assert.Equal([0, 500, 1500, 3500, 7500, 15500, 31500], h.SendTimesMs());
        Assert.Equal(1, timeouts);
    }

    [Fact]
    public void Invite_client_acks_a_non_2xx_final_itself_and_acks_its_retransmission_without_telling_the_tu()
    {
        var h = new TransactionHarness();
        var codes = new List<int>();
        var tx = new InviteClientTransaction(h.Context, "k", TransactionHarness.Bytes(TransactionHarness.Request("INVITE")),
            TransactionHarness.Peer, r => codes.Add(r.StatusCode), () => { });
        tx.Start();
        tx.OnResponse(TransactionHarness.Response(180, "INVITE"));
        h.Advance(5); // no retransmission in Proceeding
        tx.OnResponse(TransactionHarness.Response(486, "INVITE"));
        tx.OnResponse(TransactionHarness.Response(486, "INVITE"));
        Assert.Equal([180, 486], codes);
        Assert.Equal(3, h.Sent.Count);
        Assert.StartsWith("ACK sip:pager@127.0.0.1 SIP/2.0", h.Sent[1].Text, StringComparison.Ordinal);
        Assert.Contains("branch=z9hG4bKtest1", h.Sent[1].Text, StringComparison.Ordinal);
        Assert.Contains("To: <sip:pager@127.0.0.1>;tag=xyz", h.Sent[1].Text, StringComparison.Ordinal);
        Assert.Contains("CSeq: 1 ACK", h.Sent[1].Text, StringComparison.Ordinal);
        Assert.Equal(h.Sent[1].Text, h.Sent[2].Text);
        h.Advance(32); // Timer D
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void Invite_client_hands_a_2xx_to_the_tu_and_terminates_without_acking()
    {
        var h = new TransactionHarness();
        SipMessage? got = null;
        var tx = new InviteClientTransaction(h.Context, "k", TransactionHarness.Bytes(TransactionHarness.Request("INVITE")),
            TransactionHarness.Peer, r => got = r, () => { });
        tx.Start();
        tx.OnResponse(TransactionHarness.Response(200, "INVITE"));
        Assert.Equal(200, got?.StatusCode);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Single(h.Sent);
    }
}
