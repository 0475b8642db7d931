using System.Net;

namespace PagingServer.Sip.Transport;

/// <summary>Sends and receives SIP messages on one bound socket (RFC 3261 18).</summary>
public interface ISipTransport : IDisposable
{
    /// <summary>UDP or TCP.</summary>
    SipTransportKind Kind { get; }

    /// <summary>True for TCP: no retransmissions (RFC 3261 17.1.1.2).</summary>
    bool IsReliable { get; }

    /// <summary>The bound address and port (the port is known after binding port 0).</summary>
    IPEndPoint LocalEndPoint { get; }

    /// <summary>Starts receiving; <paramref name="onReceive"/> runs on a transport thread and must only post the packet.</summary>
    void Start(Action<SipPacket> onReceive);

    /// <summary>Sends one message; false when it could not be sent (the transaction then times out).</summary>
    bool Send(ReadOnlySpan<byte> message, IPEndPoint destination);
}
