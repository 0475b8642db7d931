using System.Buffers.Text;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Writer;

namespace PagingServer.Sip.Auth;

/// <summary>Answers a challenge: writes an Authorization or Proxy-Authorization header (RFC 3261 22.2, RFC 7616 3.4).</summary>
public static class DigestAuthorizationWriter
{
    /// <summary>
    /// Writes the header <paramref name="header"/> (Authorization for a 401, Proxy-Authorization for
    /// a 407) answering <paramref name="challenge"/>. Uses qop=auth with <paramref name="cnonce"/> and
    /// <paramref name="nonceCount"/> when offered, the RFC 2069 form when no qop was offered.
    /// Returns false when the challenge only offers qop values other than auth.
    /// </summary>
    public static bool Write(ref SipWriter writer, SipHeaderId header, in DigestChallenge challenge,
        ReadOnlySpan<byte> username, ReadOnlySpan<byte> password, ReadOnlySpan<byte> method, ReadOnlySpan<byte> digestUri,
        ReadOnlySpan<byte> cnonce, uint nonceCount)
    {
        bool useQop = challenge.OffersQopAuth;
        if (!useQop && !challenge.QopOptions.IsEmpty)
        {
            return false;
        }
        Span<byte> nc = stackalloc byte[8];
        Utf8Formatter.TryFormat(nonceCount, nc, out _, new System.Buffers.StandardFormat('x', 8));
        Span<byte> response = stackalloc byte[64];
        var qop = useQop ? "auth"u8 : default;
        if (!DigestCalculator.TryComputeResponse(challenge.Algorithm, username, challenge.Realm, password, method, digestUri,
            challenge.Nonce, useQop ? cnonce : default, useQop ? nc : default, qop, response))
        {
            return false;
        }
        writer.BeginHeader(header);
        writer.Append("Digest username="u8);
        Quoted(ref writer, username);
        writer.Append(", realm="u8);
        Quoted(ref writer, challenge.Realm);
        writer.Append(", nonce="u8);
        Quoted(ref writer, challenge.Nonce);
        writer.Append(", uri="u8);
        Quoted(ref writer, digestUri);
        writer.Append(", response="u8);
        Quoted(ref writer, response[..DigestAlgorithms.HexLength(challenge.Algorithm)]);
        // RFC 7616 3.4: algorithm and opaque are echoed as the challenge gave them.
        if (!challenge.AlgorithmToken.IsEmpty)
        {
            writer.Append(", algorithm="u8);
            writer.Append(DigestAlgorithms.Name(challenge.Algorithm));
        }
        if (useQop)
        {
            writer.Append(", cnonce="u8);
            Quoted(ref writer, cnonce);
            writer.Append(", qop=auth, nc="u8);
            writer.Append(nc);
        }
        if (!challenge.Opaque.IsEmpty)
        {
            writer.Append(", opaque="u8);
            Quoted(ref writer, challenge.Opaque);
        }
        writer.EndHeader();
        return !writer.Overflowed;
    }

    // quoted-string with '"' and '\' escaped as quoted-pairs (RFC 3261 25.1).
    private static void Quoted(ref SipWriter writer, scoped ReadOnlySpan<byte> value)
    {
        writer.Append((byte)'"');
        foreach (byte c in value)
        {
            if (c is (byte)'"' or (byte)'\\')
            {
                writer.Append((byte)'\\');
            }
            writer.Append(c);
        }
        writer.Append((byte)'"');
    }
}
