using PagingServer.Sip.Text;

namespace PagingServer.Sip.Auth;

/// <summary>A WWW-Authenticate / Proxy-Authenticate Digest challenge (RFC 3261 22.1, 25.1; RFC 7616 3.3).</summary>
public readonly ref struct DigestChallenge
{
    /// <summary>realm (unquoted).</summary>
    public ReadOnlySpan<byte> Realm { get; init; }

    /// <summary>nonce (unquoted).</summary>
    public ReadOnlySpan<byte> Nonce { get; init; }

    /// <summary>opaque (unquoted), to be echoed (RFC 7616 3.4).</summary>
    public ReadOnlySpan<byte> Opaque { get; init; }

    /// <summary>domain (unquoted URI list).</summary>
    public ReadOnlySpan<byte> Domain { get; init; }

    /// <summary>The algorithm token as sent (empty when absent: MD5).</summary>
    public ReadOnlySpan<byte> AlgorithmToken { get; init; }

    /// <summary>The parsed algorithm (MD5 when absent).</summary>
    public DigestAlgorithm Algorithm { get; init; }

    /// <summary>qop-options, the comma list inside the quotes ("auth,auth-int").</summary>
    public ReadOnlySpan<byte> QopOptions { get; init; }

    /// <summary>stale=true: retry with the new nonce without asking the user (RFC 2617 3.2.1).</summary>
    public bool Stale { get; init; }

    /// <summary>True when qop-options lists "auth".</summary>
    public bool OffersQopAuth
    {
        get
        {
            var rest = QopOptions;
            while (!rest.IsEmpty)
            {
                int comma = rest.IndexOf((byte)',');
                var item = SipChars.Trim(comma >= 0 ? rest[..comma] : rest);
                if (SipChars.EqualsIgnoreCase(item, "auth"u8))
                {
                    return true;
                }
                rest = comma >= 0 ? rest[(comma + 1)..] : default;
            }
            return false;
        }
    }

    /// <summary>Parses a Digest challenge; false for other schemes, unknown algorithms, or bad syntax.</summary>
    public static bool TryParse(ReadOnlySpan<byte> headerValue, out DigestChallenge challenge)
    {
        challenge = default;
        var reader = new DigestParamReader(headerValue, out var scheme);
        if (!SipChars.EqualsIgnoreCase(scheme, "Digest"u8))
        {
            return false;
        }
        ReadOnlySpan<byte> realm = default, nonce = default, opaque = default, domain = default, alg = default, qop = default;
        bool stale = false;
        while (reader.MoveNext(out var name, out var value))
        {
            if (SipChars.EqualsIgnoreCase(name, "realm"u8)) { realm = value; }
            else if (SipChars.EqualsIgnoreCase(name, "nonce"u8)) { nonce = value; }
            else if (SipChars.EqualsIgnoreCase(name, "opaque"u8)) { opaque = value; }
            else if (SipChars.EqualsIgnoreCase(name, "domain"u8)) { domain = value; }
            else if (SipChars.EqualsIgnoreCase(name, "algorithm"u8)) { alg = value; }
            else if (SipChars.EqualsIgnoreCase(name, "qop"u8)) { qop = value; }
            else if (SipChars.EqualsIgnoreCase(name, "stale"u8)) { stale = SipChars.EqualsIgnoreCase(value, "true"u8); }
        }
        if (reader.Failed || nonce.IsEmpty || !DigestAlgorithms.TryParse(alg, out var algorithm))
        {
            return false;
        }
        challenge = new DigestChallenge
        {
            Realm = realm,
            Nonce = nonce,
            Opaque = opaque,
            Domain = domain,
            AlgorithmToken = alg,
            Algorithm = algorithm,
            QopOptions = qop,
            Stale = stale,
        };
        return true;
    }
}
