using System.Net;
using PagingServer.Sip.Message;

namespace PagingServer.Sip.Transactions;

/// <summary>
/// INVITE server transaction (RFC 3261 17.2.1, figure 7, with the Accepted state of RFC 6026 7.1):
/// Timers G, H, I and L. The ACK for a non-2xx final is absorbed here; a missing one ends the
/// transaction at Timer H and is reported through <see cref="AckTimedOut"/>.
/// </summary>
public sealed class InviteServerTransaction : SipServerTransaction
{
    private TimeSpan _interval;

    /// <summary>Creates the transaction in Proceeding (the layer sends 100 Trying at once).</summary>
    public InviteServerTransaction(SipTransactionContext context, string key, SipMessage request, IPEndPoint responseTarget, IPEndPoint source)
        : base(context, key, request, responseTarget, source)
    {
        State = SipTransactionState.Proceeding;
    }

    /// <summary>Timer H fired: no ACK for our non-2xx final (17.2.1).</summary>
    public Action<InviteServerTransaction>? AckTimedOut { get; set; }

    /// <inheritdoc/>
    public override void OnRetransmission()
    {
        // Proceeding: the last provisional again; Completed: the final again (17.2.1).
        // Accepted: absorbed, the dialog retransmits the 2xx itself (RFC 6026 7.1).
        if (State is SipTransactionState.Proceeding or SipTransactionState.Completed && LastResponse is not null)
        {
            Send(LastResponse);
            Retransmissions++;
        }
    }

    /// <inheritdoc/>
    public override void SendResponse(byte[] response, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (State == SipTransactionState.Accepted && statusCode is >= 200 and < 300)
        {
            Send(response); // the dialog's 2xx retransmission (13.3.1.4) passes through
            return;
        }
        if (State != SipTransactionState.Proceeding)
        {
            return;
        }
        LastResponse = response;
        LastStatus = statusCode;
        Send(response);
        if (statusCode < 200)
        {
            return;
        }
        if (statusCode < 300)
        {
            State = SipTransactionState.Accepted;
            StartTimeout(Context.Timers.Timeout64T1, Terminate); // Timer L
            return;
        }
        State = SipTransactionState.Completed;
        if (!Context.Reliable)
        {
            _interval = Context.Timers.T1;
            StartRetransmit(_interval, TimerG);
        }
        StartTimeout(Context.Timers.Timeout64T1, TimerH);
    }

    // Timer G: resend the final, doubling up to T2.
    private void TimerG()
    {
        if (State != SipTransactionState.Completed || LastResponse is null)
        {
            return;
        }
        Send(LastResponse);
        Retransmissions++;
        _interval = TimeSpan.FromTicks(Math.Min(_interval.Ticks * 2, Context.Timers.T2.Ticks));
        StartRetransmit(_interval, TimerG);
    }

    private void TimerH()
    {
        if (State == SipTransactionState.Completed)
        {
            Terminate();
            AckTimedOut?.Invoke(this);
        }
    }

    /// <summary>An ACK matched this transaction: it acknowledges our non-2xx final (17.2.1).</summary>
    public void OnAck()
    {
        if (State != SipTransactionState.Completed)
        {
            return;
        }
        State = SipTransactionState.Confirmed;
        StopRetransmit();
        // Timer I: T4 on UDP absorbs ACK retransmissions, zero on TCP.
        StartTimeout(Context.Reliable ? TimeSpan.Zero : Context.Timers.T4, Terminate);
    }
}
