namespace PagingServer.Sip.Message;

/// <summary>How the message bytes were delimited (RFC 3261 18.3).</summary>
public enum SipFraming : byte
{
    /// <summary>One UDP datagram: a missing Content-Length means "to the end", extra octets are ignored.</summary>
    Datagram,
    /// <summary>One message cut by <see cref="SipStreamFramer"/>: Content-Length is mandatory and exact.</summary>
    Stream,
}
