using System.Net;
using PagingServer.Sip.Message;

namespace PagingServer.Sip.Transactions;

/// <summary>Non-INVITE server transaction (RFC 3261 17.2.2, figure 8): Timer J.</summary>
public sealed class NonInviteServerTransaction : SipServerTransaction
{
    /// <summary>Creates the transaction in Trying.</summary>
    public NonInviteServerTransaction(SipTransactionContext context, string key, SipMessage request, IPEndPoint responseTarget, IPEndPoint source)
        : base(context, key, request, responseTarget, source)
    {
        State = SipTransactionState.Trying;
    }

    /// <inheritdoc/>
    public override void OnRetransmission()
    {
        // Trying: absorbed silently; Proceeding and Completed: the last response again.
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
        if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
        {
            return; // a final response was already sent
        }
        LastResponse = response;
        LastStatus = statusCode;
        Send(response);
        if (statusCode < 200)
        {
            State = SipTransactionState.Proceeding;
            return;
        }
        State = SipTransactionState.Completed;
        // Timer J: 64*T1 on UDP to answer retransmissions, zero on TCP.
        StartTimeout(Context.Reliable ? TimeSpan.Zero : Context.Timers.Timeout64T1, Terminate);
    }
}
