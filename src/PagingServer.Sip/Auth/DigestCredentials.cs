using PagingServer.Sip.Text;

namespace PagingServer.Sip.Auth;

/// <summary>An Authorization / Proxy-Authorization Digest header (RFC 3261 22.2, 25.1; RFC 7616 3.4).</summary>
public readonly ref struct DigestCredentials
{
    /// <summary>username (unquoted).</summary>
    public ReadOnlySpan<byte> Username { get; init; }

    /// <summary>realm (unquoted).</summary>
    public ReadOnlySpan<byte> Realm { get; init; }

    /// <summary>nonce (unquoted).</summary>
    public ReadOnlySpan<byte> Nonce { get; init; }

    /// <summary>digest-uri (unquoted).</summary>
    public ReadOnlySpan<byte> Uri { get; init; }

    /// <summary>response: the hex request-digest.</summary>
    public ReadOnlySpan<byte> Response { get; init; }

    /// <summary>algorithm token (empty: MD5).</summary>
    public ReadOnlySpan<byte> AlgorithmToken { get; init; }

    /// <summary>cnonce (unquoted).</summary>
    public ReadOnlySpan<byte> Cnonce { get; init; }

    /// <summary>opaque (unquoted).</summary>
    public ReadOnlySpan<byte> Opaque { get; init; }

    /// <summary>qop ("auth" or empty).</summary>
    public ReadOnlySpan<byte> Qop { get; init; }

    /// <summary>nc: 8 hex digits.</summary>
    public ReadOnlySpan<byte> NonceCount { get; init; }

    /// <summary>Parses Digest credentials; false for other schemes (RFC 4475 3.3.7) or bad syntax.</summary>
    public static bool TryParse(ReadOnlySpan<byte> headerValue, out DigestCredentials credentials)
    {
        credentials = default;
        var reader = new DigestParamReader(headerValue, out var scheme);
        if (!SipChars.EqualsIgnoreCase(scheme, "Digest"u8))
        {
            return false;
        }
        ReadOnlySpan<byte> user = default, realm = default, nonce = default, uri = default, response = default;
        ReadOnlySpan<byte> alg = default, cnonce = default, opaque = default, qop = default, nc = default;
        while (reader.MoveNext(out var name, out var value))
        {
            if (SipChars.EqualsIgnoreCase(name, "username"u8)) { user = value; }
            else if (SipChars.EqualsIgnoreCase(name, "realm"u8)) { realm = value; }
            else if (SipChars.EqualsIgnoreCase(name, "nonce"u8)) { nonce = value; }
            else if (SipChars.EqualsIgnoreCase(name, "uri"u8)) { uri = value; }
            else if (SipChars.EqualsIgnoreCase(name, "response"u8)) { response = value; }
            else if (SipChars.EqualsIgnoreCase(name, "algorithm"u8)) { alg = value; }
            else if (SipChars.EqualsIgnoreCase(name, "cnonce"u8)) { cnonce = value; }
            else if (SipChars.EqualsIgnoreCase(name, "opaque"u8)) { opaque = value; }
            else if (SipChars.EqualsIgnoreCase(name, "qop"u8)) { qop = value; }
            else if (SipChars.EqualsIgnoreCase(name, "nc"u8)) { nc = value; }
        }
        if (reader.Failed || user.IsEmpty || nonce.IsEmpty || response.IsEmpty)
        {
            return false;
        }
        credentials = new DigestCredentials
        {
            Username = user,
            Realm = realm,
            Nonce = nonce,
            Uri = uri,
            Response = response,
            AlgorithmToken = alg,
            Cnonce = cnonce,
            Opaque = opaque,
            Qop = qop,
            NonceCount = nc,
        };
        return true;
    }
}
