namespace PagingServer.Sip.Headers;

/// <summary>Header fields the stack knows by name (RFC 3261 section 20 and extensions).</summary>
public enum SipHeaderId : byte
{
    /// <summary>Any header not listed here; look it up by name.</summary>
    Unknown = 0,
    /// <summary>Accept (RFC 3261 20.1).</summary>
    Accept,
    /// <summary>Accept-Encoding (RFC 3261 20.2).</summary>
    AcceptEncoding,
    /// <summary>Accept-Language (RFC 3261 20.3).</summary>
    AcceptLanguage,
    /// <summary>Allow (RFC 3261 20.5).</summary>
    Allow,
    /// <summary>Authorization (RFC 3261 20.7).</summary>
    Authorization,
    /// <summary>Call-ID, compact i (RFC 3261 20.8).</summary>
    CallId,
    /// <summary>Contact, compact m (RFC 3261 20.10).</summary>
    Contact,
    /// <summary>Content-Encoding, compact e (RFC 3261 20.12).</summary>
    ContentEncoding,
    /// <summary>Content-Length, compact l (RFC 3261 20.14).</summary>
    ContentLength,
    /// <summary>Content-Type, compact c (RFC 3261 20.15).</summary>
    ContentType,
    /// <summary>CSeq (RFC 3261 20.16).</summary>
    CSeq,
    /// <summary>Date (RFC 3261 20.17).</summary>
    Date,
    /// <summary>Expires (RFC 3261 20.19).</summary>
    Expires,
    /// <summary>From, compact f (RFC 3261 20.20).</summary>
    From,
    /// <summary>Max-Forwards (RFC 3261 20.22).</summary>
    MaxForwards,
    /// <summary>Proxy-Authenticate (RFC 3261 20.27).</summary>
    ProxyAuthenticate,
    /// <summary>Proxy-Authorization (RFC 3261 20.28).</summary>
    ProxyAuthorization,
    /// <summary>Proxy-Require (RFC 3261 20.29).</summary>
    ProxyRequire,
    /// <summary>Record-Route (RFC 3261 20.30).</summary>
    RecordRoute,
    /// <summary>Require (RFC 3261 20.32).</summary>
    Require,
    /// <summary>Retry-After (RFC 3261 20.33).</summary>
    RetryAfter,
    /// <summary>Route (RFC 3261 20.34).</summary>
    Route,
    /// <summary>Subject, compact s (RFC 3261 20.36).</summary>
    Subject,
    /// <summary>Supported, compact k (RFC 3261 20.37).</summary>
    Supported,
    /// <summary>To, compact t (RFC 3261 20.39).</summary>
    To,
    /// <summary>Unsupported (RFC 3261 20.40).</summary>
    Unsupported,
    /// <summary>User-Agent (RFC 3261 20.41).</summary>
    UserAgent,
    /// <summary>Via, compact v (RFC 3261 20.42).</summary>
    Via,
    /// <summary>Warning (RFC 3261 20.43).</summary>
    Warning,
    /// <summary>WWW-Authenticate (RFC 3261 20.44).</summary>
    WwwAuthenticate,
    /// <summary>Server (RFC 3261 20.35).</summary>
    Server,
    /// <summary>Event, compact o (RFC 6665).</summary>
    Event,
    /// <summary>Refer-To, compact r (RFC 3515).</summary>
    ReferTo,
    /// <summary>Session-Expires, compact x (RFC 4028).</summary>
    SessionExpires,
    /// <summary>Allow-Events, compact u (RFC 6665).</summary>
    AllowEvents,
    /// <summary>Referred-By, compact b (RFC 3892).</summary>
    ReferredBy,
    /// <summary>Accept-Contact, compact a (RFC 3841).</summary>
    AcceptContact,
    /// <summary>Reject-Contact, compact j (RFC 3841).</summary>
    RejectContact,
    /// <summary>Request-Disposition, compact d (RFC 3841).</summary>
    RequestDisposition,
    /// <summary>Identity, compact y (RFC 8224).</summary>
    Identity,
}
