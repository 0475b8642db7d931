using System.Net;
using PagingServer.Sip.Message;

namespace PagingServer.Sip.Transactions;

/// <summary>Non-INVITE client transaction (RFC 3261 17.1.2, figure 6): Timers E, F and K.</summary>
public sealed class NonInviteClientTransaction : SipTransaction
{
    private readonly byte[] _request;
    private readonly Action<SipMessage> _onResponse;
    private readonly Action _onTimeout;
    private TimeSpan _interval;

    /// <summary>Creates the transaction; <see cref="Start"/> sends the request.</summary>
    public NonInviteClientTransaction(SipTransactionContext context, string key, byte[] request, IPEndPoint destination,
        Action<SipMessage> onResponse, Action onTimeout)
        : base(context, key, destination)
    {
        _request = request ?? throw new ArgumentNullException(nameof(request));
        _onResponse = onResponse ?? throw new ArgumentNullException(nameof(onResponse));
        _onTimeout = onTimeout ?? throw new ArgumentNullException(nameof(onTimeout));
        State = SipTransactionState.Trying;
    }

    /// <summary>Sends the request and starts Timer F, and Timer E on UDP (17.1.2.2).</summary>
    public void Start()
    {
        Send(_request);
        if (!Context.Reliable)
        {
            _interval = Context.Timers.T1;
            StartRetransmit(_interval, TimerE);
        }
        StartTimeout(Context.Timers.Timeout64T1, TimerF);
    }

    // Timer E: retransmit, doubling up to T2 in Trying, every T2 in Proceeding (17.1.2.2).
    private void TimerE()
    {
        if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
        {
            return;
        }
        Send(_request);
        Retransmissions++;
        _interval = State == SipTransactionState.Trying
            ? TimeSpan.FromTicks(Math.Min(_interval.Ticks * 2, Context.Timers.T2.Ticks))
            : Context.Timers.T2;
        StartRetransmit(_interval, TimerE);
    }

    // Timer F: no final response in 64*T1 -> timeout reported to the TU.
    private void TimerF()
    {
        if (State is SipTransactionState.Trying or SipTransactionState.Proceeding)
        {
            Terminate();
            _onTimeout();
        }
    }

    /// <summary>A response matched this transaction (17.1.3).</summary>
    public void OnResponse(SipMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
        {
            return; // Completed absorbs retransmitted finals
        }
        if (response.StatusCode < 200)
        {
            if (State == SipTransactionState.Trying && !Context.Reliable)
            {
                // Proceeding retransmits every T2 from now on.
                _interval = Context.Timers.T2;
            }
            State = SipTransactionState.Proceeding;
            _onResponse(response);
            return;
        }
        State = SipTransactionState.Completed;
        StopRetransmit();
        _onResponse(response);
        // Timer K: T4 on UDP to absorb retransmitted responses, zero on TCP.
        StartTimeout(Context.Reliable ? TimeSpan.Zero : Context.Timers.T4, Terminate);
    }
}
