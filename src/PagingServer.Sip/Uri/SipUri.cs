using PagingServer.Sip.Headers;
using PagingServer.Sip.Text;

namespace PagingServer.Sip.Uri;

/// <summary>
/// A URI viewed in place (RFC 3261 19.1.1): for sip/sips the user, password, host, port,
/// parameters and headers; for any other scheme only <see cref="Opaque"/> (RFC 3986 absoluteURI).
/// Components keep their %-escapes; decode them with <see cref="SipEscaping"/>.
/// </summary>
public readonly ref struct SipUri
{
    /// <summary>The scheme as written ("sip", "sips", "tel", ...).</summary>
    public ReadOnlySpan<byte> Scheme { get; init; }

    /// <summary>Everything after "scheme:".</summary>
    public ReadOnlySpan<byte> Opaque { get; init; }

    /// <summary>True for sip: and sips: URIs, whose structured fields below are filled.</summary>
    public bool IsSip { get; init; }

    /// <summary>True for sips: (RFC 3261 19.1).</summary>
    public bool IsSecure { get; init; }

    /// <summary>User part, escaped; may contain ';' (RFC 4475 3.1.1.9).</summary>
    public ReadOnlySpan<byte> User { get; init; }

    /// <summary>Password, escaped (deprecated by RFC 3261 19.1.1 but parsed).</summary>
    public ReadOnlySpan<byte> Password { get; init; }

    /// <summary>True when the URI has a userinfo part ("user@").</summary>
    public bool HasUser { get; init; }

    /// <summary>Host: hostname, IPv4 address or IPv6 reference with its brackets.</summary>
    public ReadOnlySpan<byte> Host { get; init; }

    /// <summary>Port, or -1 when absent.</summary>
    public int Port { get; init; }

    /// <summary>URI parameters starting at the first ';' (empty when none).</summary>
    public ReadOnlySpan<byte> Parameters { get; init; }

    /// <summary>Headers after '?', escaped (empty when none).</summary>
    public ReadOnlySpan<byte> Headers { get; init; }

    /// <summary>Looks up a URI parameter (e.g. "transport", "lr", "maddr").</summary>
    public bool TryGetParameter(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value) =>
        SipParameterReader.TryGet(Parameters, name, out value, uriParameters: true);

    /// <summary>Parses <paramref name="text"/>; false on any syntax error.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out SipUri uri)
    {
        uri = default;
        int colon = text.IndexOf((byte)':');
        // RFC 3261 25.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
        if (colon < 1 || !SipChars.IsAlpha(text[0]) || colon == text.Length - 1)
        {
            return false;
        }
        var scheme = text[..colon];
        foreach (byte c in scheme)
        {
            if (!SipChars.IsAlphaNum(c) && c is not ((byte)'+' or (byte)'-' or (byte)'.'))
            {
                return false;
            }
        }
        var rest = text[(colon + 1)..];
        foreach (byte c in rest)
        {
            // No LWS, controls, non-ASCII, or delimiters that only occur around URIs (RFC 3986 2).
            if (c <= 0x20 || c >= 0x7F || c is (byte)'<' or (byte)'>' or (byte)'"' or (byte)'\\')
            {
                return false;
            }
        }
        bool sips = SipChars.EqualsIgnoreCase(scheme, "sips"u8);
        if (!sips && !SipChars.EqualsIgnoreCase(scheme, "sip"u8))
        {
            uri = new SipUri { Scheme = scheme, Opaque = rest, Port = -1 };
            return true;
        }
        return TryParseSip(scheme, rest, sips, out uri);
    }

    private static bool TryParseSip(ReadOnlySpan<byte> scheme, ReadOnlySpan<byte> rest, bool sips, out SipUri uri)
    {
        uri = default;
        ReadOnlySpan<byte> user = default;
        ReadOnlySpan<byte> password = default;
        // '@' cannot appear unescaped in host, params or headers, so the first one ends userinfo
        // even when the user part holds ';', '?' or ',' (RFC 3261 19.1.1 user-unreserved).
        int at = rest.IndexOf((byte)'@');
        var hostPart = rest;
        if (at >= 0)
        {
            var userinfo = rest[..at];
            int pc = userinfo.IndexOf((byte)':');
            user = pc >= 0 ? userinfo[..pc] : userinfo;
            password = pc >= 0 ? userinfo[(pc + 1)..] : default;
            if (user.IsEmpty || !SipEscaping.IsWellFormed(userinfo))
            {
                return false;
            }
            hostPart = rest[(at + 1)..];
        }
        int q = hostPart.IndexOf((byte)'?');
        var headers = q >= 0 ? hostPart[(q + 1)..] : default;
        if (q >= 0)
        {
            hostPart = hostPart[..q];
            if (headers.IsEmpty || headers.IndexOf((byte)'?') >= 0)
            {
                return false;
            }
        }
        int semi = hostPart.IndexOf((byte)';');
        var parameters = semi >= 0 ? hostPart[semi..] : default;
        var hostport = semi >= 0 ? hostPart[..semi] : hostPart;
        if (!SipHost.TrySplitHostPort(hostport, out var host, out int port)
            || !SipParameterReader.Validate(parameters, uriParameters: true)
            || !SipEscaping.IsWellFormed(parameters) || !SipEscaping.IsWellFormed(headers))
        {
            return false;
        }
        uri = new SipUri
        {
            Scheme = scheme,
            Opaque = rest,
            IsSip = true,
            IsSecure = sips,
            User = user,
            Password = password,
            HasUser = at >= 0,
            Host = host,
            Port = port,
            Parameters = parameters,
            Headers = headers,
        };
        return true;
    }
}
