using System.Net;
using PagingServer.Sip.Message;

namespace PagingServer.Sip.Transactions;

/// <summary>Server side common part: the request kept for building responses, and the last response sent.</summary>
public abstract class SipServerTransaction : SipTransaction
{
    /// <summary>Copies <paramref name="request"/> (the loop's scratch message) into the transaction.</summary>
    protected SipServerTransaction(SipTransactionContext context, string key, SipMessage request, IPEndPoint responseTarget, IPEndPoint source)
        : base(context, key, responseTarget)
    {
        ArgumentNullException.ThrowIfNull(request);
        Request = new SipMessage(request.Bytes.Length + 16);
        Request.CopyFrom(request);
        Source = source;
    }

    /// <summary>The request that created the transaction.</summary>
    public SipMessage Request { get; }

    /// <summary>Where the request came from (the connection's peer on TCP).</summary>
    public IPEndPoint Source { get; }

    /// <summary>The last response sent, resent on a retransmitted request.</summary>
    protected byte[]? LastResponse { get; set; }

    /// <summary>Status code of the last response sent (0 before any).</summary>
    public int LastStatus { get; protected set; }

    /// <summary>True once a final response was sent.</summary>
    public bool HasFinalResponse => LastStatus >= 200;

    /// <summary>The request arrived again (17.2.3 matched it to us).</summary>
    public abstract void OnRetransmission();

    /// <summary>The TU sends a response (RFC 3261 17.2.1 / 17.2.2).</summary>
    public abstract void SendResponse(byte[] response, int statusCode);
}
