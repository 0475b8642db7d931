using PagingServer.Sip.Transactions;

namespace PagingServer.Sip.Tests.Transactions;

public sealed class ServerTransactionTests
{
    private static byte[] Text(string s) => System.Text.Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Invite_server_retransmits_a_non_2xx_final_on_timer_G_doubling_to_T2_until_timer_H()
    {
        var h = new TransactionHarness();
        var tx = new InviteServerTransaction(h.Context, "k", TransactionHarness.Request("INVITE"), TransactionHarness.Peer, TransactionHarness.Peer);
        InviteServerTransaction? timedOut = null;
        tx.AckTimedOut = t => timedOut = t;
        tx.SendResponse(Text("SIP/2.0 486 Busy Here\r\n\r\n"), 486);
        h.Advance(33);
        Assert.Equal([0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500], h.SendTimesMs());
        Assert.Same(tx, timedOut);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void Invite_server_absorbs_the_ack_for_a_non_2xx_then_terminates_after_timer_I()
    {
        var h = new TransactionHarness();
        var tx = new InviteServerTransaction(h.Context, "k", TransactionHarness.Request("INVITE"), TransactionHarness.Peer, TransactionHarness.Peer);
        bool timedOut = false;
        tx.AckTimedOut = _ => timedOut = true;
        tx.SendResponse(Text("SIP/2.0 487 Request Terminated\r\n\r\n"), 487);
        h.Advance(0.6);
        tx.OnAck();
        Assert.Equal(SipTransactionState.Confirmed, tx.State);
        h.Advance(4.9);
        Assert.Equal(2, h.Sent.Count); // no more retransmissions after the ACK
        Assert.Equal(SipTransactionState.Confirmed, tx.State);
        h.Advance(0.2); // Timer I = T4
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.False(timedOut);
    }

    [Fact]
    public void Invite_server_resends_the_last_provisional_on_a_retransmitted_invite_and_absorbs_it_after_a_2xx()
    {
        var h = new TransactionHarness();
        var tx = new InviteServerTransaction(h.Context, "k", TransactionHarness.Request("INVITE"), TransactionHarness.Peer, TransactionHarness.Peer);
        tx.SendResponse(Text("SIP/2.0 180 Ringing\r\n\r\n"), 180);
        tx.OnRetransmission();
        Assert.Equal(2, h.Sent.Count);
        Assert.Equal(h.Sent[0].Text, h.Sent[1].Text);
        tx.SendResponse(Text("SIP/2.0 200 OK\r\n\r\n"), 200);
        Assert.Equal(SipTransactionState.Accepted, tx.State);
        tx.OnRetransmission(); // RFC 6026: absorbed, the dialog retransmits the 2xx
        Assert.Equal(3, h.Sent.Count);
        tx.SendResponse(Text("SIP/2.0 200 OK\r\n\r\n"), 200); // the dialog's retransmission passes
        Assert.Equal(4, h.Sent.Count);
        h.Advance(32); // Timer L
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void Non_invite_server_absorbs_retransmissions_in_trying_and_resends_the_final_until_timer_J()
    {
        var h = new TransactionHarness();
        var tx = new NonInviteServerTransaction(h.Context, "k", TransactionHarness.Request("OPTIONS"), TransactionHarness.Peer, TransactionHarness.Peer);
        tx.OnRetransmission();
        Assert.Empty(h.Sent);
        tx.SendResponse(Text("SIP/2.0 200 OK\r\n\r\n"), 200);
        tx.OnRetransmission();
        tx.OnRetransmission();
        Assert.Equal(3, h.Sent.Count);
        Assert.Equal(SipTransactionState.Completed, tx.State);
        h.Advance(31.9);
        Assert.Equal(SipTransactionState.Completed, tx.State);
        h.Advance(0.2); // Timer J = 64*T1
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(3, h.Sent.Count); // never retransmitted on its own
    }

    [Fact]
    public void Non_invite_server_over_tcp_terminates_as_soon_as_the_final_is_sent()
    {
        var h = new TransactionHarness(reliable: true);
        var tx = new NonInviteServerTransaction(h.Context, "k", TransactionHarness.Request("BYE"), TransactionHarness.Peer, TransactionHarness.Peer);
        tx.SendResponse(Text("SIP/2.0 200 OK\r\n\r\n"), 200);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }
}
