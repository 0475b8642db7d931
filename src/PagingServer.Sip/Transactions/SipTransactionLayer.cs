using System.Net;
using System.Text;
using PagingServer.Sip.Message;
using PagingServer.Sip.Transport;

namespace PagingServer.Sip.Transactions;

/// <summary>Writes extra headers into a message being built.</summary>
public delegate void SipHeaderAction(ref Writer.SipWriter writer);

/// <summary>
/// The transaction layer (RFC 3261 17): parses what the transport delivers, matches it to a
/// transaction (17.1.3, 17.2.3), absorbs retransmissions, creates server transactions for new
/// requests and hands them to the transaction user. Runs on the <see cref="SipLoop"/> only.
/// </summary>
public sealed partial class SipTransactionLayer
{
    /// <summary>Live transactions beyond which new requests are dropped (each lives up to 64*T1).</summary>
    public const int MaxTransactions = 4096;

    private readonly Dictionary<string, SipTransaction> _transactions = new(StringComparer.Ordinal);
    private readonly SipMessage _scratch = new();
    private readonly ISipTransport _transport;
    private readonly Action<SipLogLevel, string> _log;
    private readonly bool _trace;

    /// <summary>Creates the layer over a started or not yet started transport.</summary>
    public SipTransactionLayer(SipLoop loop, ISipTransport transport, SipTimerSettings? timers, Action<SipLogLevel, string>? log, bool trace)
    {
        Loop = loop ?? throw new ArgumentNullException(nameof(loop));
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _log = log ?? ((_, _) => { });
        _trace = trace;
        Context = new SipTransactionContext(loop, SendTraced, transport.IsReliable, timers)
        {
            Terminated = t => _transactions.Remove(t.Key),
        };
    }

    /// <summary>The loop that owns this layer.</summary>
    public SipLoop Loop { get; }

    /// <summary>Shared transaction services (timers, send).</summary>
    public SipTransactionContext Context { get; }

    /// <summary>The transport underneath.</summary>
    public ISipTransport Transport => _transport;

    /// <summary>
    /// A request that is not a retransmission: with its new server transaction, or with null for
    /// an ACK to a 2xx (which belongs to the dialog, 17.2.3 and 13.3.1.4). The message is the
    /// layer's scratch instance: valid during the call only.
    /// </summary>
    public Action<SipMessage, SipServerTransaction?, IPEndPoint>? RequestReceived { get; set; }

    /// <summary>Number of live transactions.</summary>
    public int Count => _transactions.Count;

    /// <summary>Looks a transaction up by key.</summary>
    public SipTransaction? Find(string key) => _transactions.TryGetValue(key, out var t) ? t : null;

    /// <summary>Handles one received packet (on the loop) and returns its buffer to the pool.</summary>
    public void Receive(SipPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        try
        {
            var framing = packet.Transport == SipTransportKind.Tcp ? SipFraming.Stream : SipFraming.Datagram;
            var result = _scratch.Parse(packet.Data, framing);
            if (_trace)
            {
                _log(SipLogLevel.Trace, $"<-- {packet.Source} ({packet.Length} bytes)\n{Encoding.UTF8.GetString(packet.Data)}");
            }
            if (!result.IsOk)
            {
                RejectUnparsable(result, packet.Source);
                return;
            }
            if (_scratch.IsRequest)
            {
                OnRequest(_scratch, packet.Source);
            }
            else
            {
                OnResponse(_scratch);
            }
        }
        finally
        {
            packet.Release();
        }
    }

    // RFC 3261 18.1.2 / 16.3: an unparsable response is dropped; an unparsable request gets the
    // parser's status (400, 505, 513) when enough headers were read to address it, else nothing.
    private void RejectUnparsable(SipParseResult result, IPEndPoint source)
    {
        if (!_scratch.IsRequest || _scratch.Count(Headers.SipHeaderId.Via) == 0 || _scratch.Count(Headers.SipHeaderId.CallId) == 0
            || _scratch.Count(Headers.SipHeaderId.From) == 0 || _scratch.Count(Headers.SipHeaderId.To) == 0
            || _scratch.Count(Headers.SipHeaderId.CSeq) == 0 || _scratch.MethodId == SipMethod.Ack)
        {
            _log(SipLogLevel.Trace, $"dropped unparsable message from {source}: {result.Reason}");
            return;
        }
        _log(SipLogLevel.Trace, $"answering {result.ResponseCode} to unparsable request from {source}: {result.Reason}");
        var target = SipResponseTarget.For(_scratch, source, _transport.IsReliable);
        byte[] bytes = BuildResponse(_scratch, result.ResponseCode, Reason(result.ResponseCode), default, source, null, default);
        if (bytes.Length > 0)
        {
            SendTraced(bytes, target);
        }
    }

    private void OnResponse(SipMessage response)
    {
        if (Find(SipTransactionKeys.Client(response)) is NonInviteClientTransaction nict)
        {
            nict.OnResponse(response);
        }
        else if (Find(SipTransactionKeys.Client(response)) is InviteClientTransaction ict)
        {
            ict.OnResponse(response);
        }
        else
        {
            _log(SipLogLevel.Trace, "response matches no transaction: dropped (RFC 3261 18.1.2)");
        }
    }

    private void OnRequest(SipMessage request, IPEndPoint source)
    {
        string key = SipTransactionKeys.Server(request);
        var existing = Find(key);
        if (request.MethodId == SipMethod.Ack)
        {
            if (existing is InviteServerTransaction ist && ist.State is SipTransactionState.Completed or SipTransactionState.Confirmed)
            {
                ist.OnAck(); // ACK of our non-2xx final: absorbed by the transaction (17.2.1)
                return;
            }
            RequestReceived?.Invoke(request, null, source);
            return;
        }
        if (existing is SipServerTransaction retransmitted)
        {
            retransmitted.OnRetransmission();
            return;
        }
        if (_transactions.Count >= MaxTransactions)
        {
            // A flood (scanner, loop): new work is dropped; the sender retransmits or gives up.
            _log(SipLogLevel.Trace, $"request from {source} dropped: {_transactions.Count} transactions live");
            return;
        }
        var target = SipResponseTarget.For(request, source, _transport.IsReliable);
        SipServerTransaction tx = request.MethodId == SipMethod.Invite
            ? new InviteServerTransaction(Context, key, request, target, source)
            : new NonInviteServerTransaction(Context, key, request, target, source);
        _transactions[key] = tx;
        if (tx is InviteServerTransaction)
        {
            // RFC 3261 17.2.1: 100 Trying at once, so the caller stops retransmitting.
            Respond(tx, 100, "Trying");
        }
        RequestReceived?.Invoke(tx.Request, tx, source);
    }
}
