using System.Net;
using System.Text;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;
using PagingServer.Sip.Writer;

namespace PagingServer.Sip.Transactions;

// Sending: responses through server transactions, requests through new client transactions.
public sealed partial class SipTransactionLayer
{
    /// <summary>Value of the Server header on responses (empty: none).</summary>
    public string ServerHeader { get; set; } = "";

    /// <summary>
    /// Builds a response to <paramref name="tx"/>'s request (RFC 3261 8.2.6) and sends it through
    /// the transaction. <paramref name="toTag"/> is added to To for codes above 100.
    /// </summary>
    public void Respond(SipServerTransaction tx, int statusCode, string reason, string? toTag = null,
        SipHeaderAction? extraHeaders = null, ReadOnlySpan<byte> body = default)
    {
        ArgumentNullException.ThrowIfNull(tx);
        byte[] bytes = BuildResponse(tx.Request, statusCode, reason, toTag is null ? default : Encoding.ASCII.GetBytes(toTag),
            tx.Source, extraHeaders, body);
        if (bytes.Length > 0)
        {
            tx.SendResponse(bytes, statusCode);
        }
    }

    /// <summary>Builds a response to <paramref name="tx"/>'s request without sending it (for 2xx the dialog retransmits).</summary>
    public byte[] BuildResponse(SipServerTransaction tx, int statusCode, string reason, string? toTag = null,
        SipHeaderAction? extraHeaders = null, ReadOnlySpan<byte> body = default)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return BuildResponse(tx.Request, statusCode, reason, toTag is null ? default : Encoding.ASCII.GetBytes(toTag),
            tx.Source, extraHeaders, body);
    }

    private byte[] BuildResponse(SipMessage request, int statusCode, string reason, ReadOnlySpan<byte> toTag, IPEndPoint source,
        SipHeaderAction? extraHeaders, ReadOnlySpan<byte> body)
    {
        byte[] buffer = new byte[request.Bytes.Length + body.Length + 2048];
        var w = new SipWriter(buffer);
        SipResponseBuilder.WriteHead(ref w, request, statusCode, Encoding.UTF8.GetBytes(reason), toTag, source);
        if (ServerHeader.Length > 0)
        {
            w.Header(SipHeaderId.Server, ServerHeader);
        }
        extraHeaders?.Invoke(ref w);
        int n = w.Finish(body);
        if (n < 0)
        {
            _log(SipLogLevel.Error, $"response {statusCode} did not fit its buffer");
            return [];
        }
        return buffer.AsSpan(0, n).ToArray();
    }

    /// <summary>Sends a non-INVITE request (bytes we built, with a fresh branch) through a new client transaction.</summary>
    public NonInviteClientTransaction SendRequest(byte[] request, IPEndPoint destination, Action<SipMessage> onResponse, Action onTimeout)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parsed = new SipMessage(request.Length + 16);
        if (!parsed.Parse(request).IsOk)
        {
            throw new ArgumentException("request is not well formed", nameof(request));
        }
        var tx = new NonInviteClientTransaction(Context, SipTransactionKeys.Client(parsed), request, destination, onResponse, onTimeout);
        _transactions[tx.Key] = tx;
        tx.Start();
        return tx;
    }

    /// <summary>Sends bytes outside any transaction (ACK for a 2xx, 2xx retransmissions go through the INVITE transaction).</summary>
    public bool SendStateless(byte[] message, IPEndPoint destination) => SendTraced(message, destination);

    /// <summary>Ends every transaction (shutdown).</summary>
    public void AbortAll()
    {
        foreach (var t in _transactions.Values.ToArray())
        {
            t.Abort();
        }
    }

    private bool SendTraced(byte[] message, IPEndPoint destination)
    {
        if (_trace)
        {
            _log(SipLogLevel.Trace, $"--> {destination} ({message.Length} bytes)\n{Encoding.UTF8.GetString(message)}");
        }
        return _transport.Send(message, destination);
    }

    /// <summary>Default reason phrases for the codes this agent sends (RFC 3261 21).</summary>
    public static string Reason(int code) => code switch
    {
        100 => "Trying",
        180 => "Ringing",
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        480 => "Temporarily Unavailable",
        481 => "Call/Transaction Does Not Exist",
        486 => "Busy Here",
        487 => "Request Terminated",
        488 => "Not Acceptable Here",
        491 => "Request Pending",
        500 => "Server Internal Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "Version Not Supported",
        513 => "Message Too Large",
        603 => "Decline",
        _ => "Unknown",
    };
}
