using PagingServer.Sip.Headers;
using PagingServer.Sip.Writer;

namespace PagingServer.Sip.Auth;

/// <summary>Writes a WWW-Authenticate (401) or Proxy-Authenticate (407) Digest challenge (RFC 3261 22.1, RFC 7616 3.3).</summary>
public static class DigestChallengeWriter
{
    /// <summary>
    /// Writes the challenge with qop="auth". <paramref name="nonce"/> must be unpredictable and
    /// remembered by the caller (it is what <see cref="DigestVerifier"/> users check freshness against);
    /// <paramref name="stale"/> tells the client to retry with the new nonce (RFC 7616 3.3).
    /// </summary>
    public static void Write(ref SipWriter writer, SipHeaderId header, ReadOnlySpan<byte> realm, ReadOnlySpan<byte> nonce,
        DigestAlgorithm algorithm = DigestAlgorithm.Md5, ReadOnlySpan<byte> opaque = default, bool stale = false)
    {
        writer.BeginHeader(header);
        writer.Append("Digest realm=\""u8);
        writer.Append(realm);
        writer.Append("\", nonce=\""u8);
        writer.Append(nonce);
        writer.Append("\", qop=\"auth\", algorithm="u8);
        writer.Append(DigestAlgorithms.Name(algorithm));
        if (!opaque.IsEmpty)
        {
            writer.Append(", opaque=\""u8);
            writer.Append(opaque);
            writer.Append((byte)'"');
        }
        if (stale)
        {
            writer.Append(", stale=true"u8);
        }
        writer.EndHeader();
    }
}
