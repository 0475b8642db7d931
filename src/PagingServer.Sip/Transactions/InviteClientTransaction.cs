using System.Net;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;
using PagingServer.Sip.Writer;

namespace PagingServer.Sip.Transactions;

/// <summary>
/// INVITE client transaction (RFC 3261 17.1.1, figure 5): Timers A, B and D; the ACK for a
/// non-2xx final response is built and sent here (17.1.1.3), the ACK for a 2xx by the dialog.
/// </summary>
public sealed class InviteClientTransaction : SipTransaction
{
    private readonly byte[] _request;
    private readonly SipMessage _parsed = new();
    private readonly Action<SipMessage> _onResponse;
    private readonly Action _onTimeout;
    private byte[]? _ack;
    private TimeSpan _interval;

    /// <summary>Creates the transaction for an INVITE (bytes we built); <see cref="Start"/> sends it.</summary>
    public InviteClientTransaction(SipTransactionContext context, string key, byte[] request, IPEndPoint destination,
        Action<SipMessage> onResponse, Action onTimeout)
        : base(context, key, destination)
    {
        _request = request ?? throw new ArgumentNullException(nameof(request));
        _onResponse = onResponse ?? throw new ArgumentNullException(nameof(onResponse));
        _onTimeout = onTimeout ?? throw new ArgumentNullException(nameof(onTimeout));
        if (!_parsed.Parse(request).IsOk)
        {
            throw new ArgumentException("the INVITE must be well formed", nameof(request));
        }
        State = SipTransactionState.Calling;
    }

    /// <summary>The ACK sent for the non-2xx final, once there is one.</summary>
    public ReadOnlySpan<byte> Ack => _ack;

    /// <summary>Sends the INVITE; Timer A (UDP) and Timer B start (17.1.1.2).</summary>
    public void Start()
    {
        Send(_request);
        if (!Context.Reliable)
        {
            _interval = Context.Timers.T1;
            StartRetransmit(_interval, TimerA);
        }
        StartTimeout(Context.Timers.Timeout64T1, TimerB);
    }

    // Timer A doubles each time (17.1.1.2); only Calling retransmits.
    private void TimerA()
    {
        if (State != SipTransactionState.Calling)
        {
            return;
        }
        Send(_request);
        Retransmissions++;
        _interval *= 2;
        StartRetransmit(_interval, TimerA);
    }

    private void TimerB()
    {
        if (State == SipTransactionState.Calling)
        {
            Terminate();
            _onTimeout();
        }
    }

    /// <summary>A response matched this transaction.</summary>
    public void OnResponse(SipMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        int code = response.StatusCode;
        switch (State)
        {
            case SipTransactionState.Calling or SipTransactionState.Proceeding when code < 200:
                State = SipTransactionState.Proceeding;
                StopRetransmit();
                _onResponse(response);
                break;
            case SipTransactionState.Calling or SipTransactionState.Proceeding when code < 300:
                // 17.1.1.2: a 2xx ends the transaction; the TU ACKs and absorbs retransmissions.
                Terminate();
                _onResponse(response);
                break;
            case SipTransactionState.Calling or SipTransactionState.Proceeding:
                State = SipTransactionState.Completed;
                StopRetransmit();
                _ack = BuildAck(response);
                Send(_ack);
                _onResponse(response);
                StartTimeout(Context.Reliable ? TimeSpan.Zero : Context.Timers.TimerD, Terminate);
                break;
            case SipTransactionState.Completed when code >= 300 && _ack is not null:
                Send(_ack); // retransmitted final: ACK again, do not tell the TU
                break;
            default:
                break;
        }
    }

    // 17.1.1.3: same Request-URI, Call-ID, From, CSeq number and top Via as the INVITE, To from
    // the response (with its tag), Route headers of the INVITE.
    private byte[] BuildAck(SipMessage response)
    {
        var buffer = new byte[_parsed.Bytes.Length + 256];
        var w = new SipWriter(buffer);
        w.RequestLine("ACK"u8, _parsed.RequestUriText);
        w.Header(SipHeaderId.Via, _parsed.Get(SipHeaderId.Via));
        w.Header(SipHeaderId.MaxForwards, 70);
        w.Header(SipHeaderId.From, _parsed.Get(SipHeaderId.From));
        w.Header(SipHeaderId.To, response.Get(SipHeaderId.To));
        w.Header(SipHeaderId.CallId, _parsed.CallId);
        w.BeginHeader(SipHeaderId.CSeq);
        w.AppendNumber(_parsed.CSeq.Number);
        w.Append(" ACK"u8);
        w.EndHeader();
        for (int i = 0; i < _parsed.Count(SipHeaderId.Route); i++)
        {
            w.Header(SipHeaderId.Route, _parsed.Get(SipHeaderId.Route, i));
        }
        int n = w.Finish(default);
        return buffer.AsSpan(0, Math.Max(n, 0)).ToArray();
    }
}
