using PagingServer.Sip.Text;

namespace PagingServer.Sip.Headers;

/// <summary>Maps header names (long and compact forms, RFC 3261 7.3.3) to <see cref="SipHeaderId"/>.</summary>
public static class SipHeaderNames
{
    /// <summary>Identifies a header name, case-insensitively (RFC 3261 7.3.1).</summary>
    public static SipHeaderId Identify(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            // RFC 3261 7.3.3 and the IANA registry of compact forms.
            return (name[0] | 0x20) switch
            {
                'i' => SipHeaderId.CallId,
                'm' => SipHeaderId.Contact,
                'e' => SipHeaderId.ContentEncoding,
                'l' => SipHeaderId.ContentLength,
                'c' => SipHeaderId.ContentType,
                'f' => SipHeaderId.From,
                's' => SipHeaderId.Subject,
                'k' => SipHeaderId.Supported,
                't' => SipHeaderId.To,
                'v' => SipHeaderId.Via,
                'o' => SipHeaderId.Event,
                'r' => SipHeaderId.ReferTo,
                'x' => SipHeaderId.SessionExpires,
                'u' => SipHeaderId.AllowEvents,
                'b' => SipHeaderId.ReferredBy,
                'a' => SipHeaderId.AcceptContact,
                'j' => SipHeaderId.RejectContact,
                'd' => SipHeaderId.RequestDisposition,
                'y' => SipHeaderId.Identity,
                _ => SipHeaderId.Unknown,
            };
        }
        for (int i = 1; i < Table.Length; i++)
        {
            if (SipChars.EqualsIgnoreCase(name, Table[i].Name))
            {
                return Table[i].Id;
            }
        }
        return SipHeaderId.Unknown;
    }

    /// <summary>The canonical long name used when writing (RFC 3261 section 20 spelling).</summary>
    public static ReadOnlySpan<byte> Canonical(SipHeaderId id) => Table[(int)id].Name;

    /// <summary>True for headers whose grammar is a comma-separated list (RFC 3261 7.3.1).</summary>
    public static bool IsList(SipHeaderId id) => id is SipHeaderId.Accept or SipHeaderId.AcceptEncoding
        or SipHeaderId.AcceptLanguage or SipHeaderId.Allow or SipHeaderId.Contact
        or SipHeaderId.ContentEncoding or SipHeaderId.ProxyRequire or SipHeaderId.RecordRoute
        or SipHeaderId.Require or SipHeaderId.Route or SipHeaderId.Supported or SipHeaderId.Unsupported
        or SipHeaderId.Via or SipHeaderId.Warning or SipHeaderId.AllowEvents;

    private readonly record struct Entry(SipHeaderId Id, byte[] Name);

    // Indexed by SipHeaderId; kept in enum order.
    private static readonly Entry[] Table =
    [
        new(SipHeaderId.Unknown, []),
        new(SipHeaderId.Accept, "Accept"u8.ToArray()),
        new(SipHeaderId.AcceptEncoding, "Accept-Encoding"u8.ToArray()),
        new(SipHeaderId.AcceptLanguage, "Accept-Language"u8.ToArray()),
        new(SipHeaderId.Allow, "Allow"u8.ToArray()),
        new(SipHeaderId.Authorization, "Authorization"u8.ToArray()),
        new(SipHeaderId.CallId, "Call-ID"u8.ToArray()),
        new(SipHeaderId.Contact, "Contact"u8.ToArray()),
        new(SipHeaderId.ContentEncoding, "Content-Encoding"u8.ToArray()),
        new(SipHeaderId.ContentLength, "Content-Length"u8.ToArray()),
        new(SipHeaderId.ContentType, "Content-Type"u8.ToArray()),
        new(SipHeaderId.CSeq, "CSeq"u8.ToArray()),
        new(SipHeaderId.Date, "Date"u8.ToArray()),
        new(SipHeaderId.Expires, "Expires"u8.ToArray()),
        new(SipHeaderId.From, "From"u8.ToArray()),
        new(SipHeaderId.MaxForwards, "Max-Forwards"u8.ToArray()),
        new(SipHeaderId.ProxyAuthenticate, "Proxy-Authenticate"u8.ToArray()),
        new(SipHeaderId.ProxyAuthorization, "Proxy-Authorization"u8.ToArray()),
        new(SipHeaderId.ProxyRequire, "Proxy-Require"u8.ToArray()),
        new(SipHeaderId.RecordRoute, "Record-Route"u8.ToArray()),
        new(SipHeaderId.Require, "Require"u8.ToArray()),
        new(SipHeaderId.RetryAfter, "Retry-After"u8.ToArray()),
        new(SipHeaderId.Route, "Route"u8.ToArray()),
        new(SipHeaderId.Subject, "Subject"u8.ToArray()),
        new(SipHeaderId.Supported, "Supported"u8.ToArray()),
        new(SipHeaderId.To, "To"u8.ToArray()),
        new(SipHeaderId.Unsupported, "Unsupported"u8.ToArray()),
        new(SipHeaderId.UserAgent, "User-Agent"u8.ToArray()),
        new(SipHeaderId.Via, "Via"u8.ToArray()),
        new(SipHeaderId.Warning, "Warning"u8.ToArray()),
        new(SipHeaderId.WwwAuthenticate, "WWW-Authenticate"u8.ToArray()),
        new(SipHeaderId.Server, "Server"u8.ToArray()),
        new(SipHeaderId.Event, "Event"u8.ToArray()),
        new(SipHeaderId.ReferTo, "Refer-To"u8.ToArray()),
        new(SipHeaderId.SessionExpires, "Session-Expires"u8.ToArray()),
        new(SipHeaderId.AllowEvents, "Allow-Events"u8.ToArray()),
        new(SipHeaderId.ReferredBy, "Referred-By"u8.ToArray()),
        new(SipHeaderId.AcceptContact, "Accept-Contact"u8.ToArray()),
        new(SipHeaderId.RejectContact, "Reject-Contact"u8.ToArray()),
        new(SipHeaderId.RequestDisposition, "Request-Disposition"u8.ToArray()),
        new(SipHeaderId.Identity, "Identity"u8.ToArray()),
    ];
}
