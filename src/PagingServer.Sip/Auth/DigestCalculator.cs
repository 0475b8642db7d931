using System.Buffers;
using System.Security.Cryptography;

namespace PagingServer.Sip.Auth;

/// <summary>Computes digest responses (RFC 2617 3.2.2, RFC 7616 3.4.1-3.4.3). All inputs are UTF-8 bytes.</summary>
public static class DigestCalculator
{
    /// <summary>
    /// Writes the lowercase hex request-digest into <paramref name="hexResponse"/> (32 or 64 bytes).
    /// With an empty <paramref name="qop"/> the RFC 2069 form H(HA1:nonce:HA2) is used;
    /// with qop=auth, H(HA1:nonce:nc:cnonce:qop:HA2). Only qop=auth is supported (no auth-int).
    /// Returns false when <paramref name="hexResponse"/> is too small or qop is not auth/empty.
    /// </summary>
    public static bool TryComputeResponse(DigestAlgorithm algorithm, ReadOnlySpan<byte> username, ReadOnlySpan<byte> realm,
        ReadOnlySpan<byte> password, ReadOnlySpan<byte> method, ReadOnlySpan<byte> digestUri, ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> cnonce, ReadOnlySpan<byte> nonceCount, ReadOnlySpan<byte> qop, Span<byte> hexResponse)
    {
        int hexLength = DigestAlgorithms.HexLength(algorithm);
        if (hexResponse.Length < hexLength || !(qop.IsEmpty || qop.SequenceEqual("auth"u8)))
        {
            return false;
        }
        Span<byte> ha1 = stackalloc byte[64];
        Span<byte> ha2 = stackalloc byte[64];
        ha1 = ha1[..hexLength];
        ha2 = ha2[..hexLength];
        // RFC 7616 3.4.2: A1 = username:realm:password, and for -sess H(A1):nonce:cnonce.
        HashHex(algorithm, ha1, username, realm, password);
        if (DigestAlgorithms.IsSession(algorithm))
        {
            HashHex(algorithm, ha1, ha1, nonce, cnonce);
        }
        // RFC 7616 3.4.3: A2 = Method:request-uri for qop=auth.
        HashHex(algorithm, ha2, method, digestUri);
        if (qop.IsEmpty)
        {
            HashHex(algorithm, hexResponse[..hexLength], ha1, nonce, ha2);
        }
        else
        {
            HashHex(algorithm, hexResponse[..hexLength], ha1, nonce, nonceCount, cnonce, qop, ha2);
        }
        return true;
    }

    private static void HashHex(DigestAlgorithm a, Span<byte> hex, ReadOnlySpan<byte> p0, ReadOnlySpan<byte> p1) =>
        HashHex(a, hex, p0, p1, default, default, default, default, 2);

    private static void HashHex(DigestAlgorithm a, Span<byte> hex, ReadOnlySpan<byte> p0, ReadOnlySpan<byte> p1, ReadOnlySpan<byte> p2) =>
        HashHex(a, hex, p0, p1, p2, default, default, default, 3);

    /// <summary>Computes H(p0:p1:...) over the first <paramref name="count"/> parts as lowercase hex into <paramref name="hex"/> (which may alias a part).</summary>
    private static void HashHex(DigestAlgorithm algorithm, Span<byte> hex, ReadOnlySpan<byte> p0, ReadOnlySpan<byte> p1,
        ReadOnlySpan<byte> p2, ReadOnlySpan<byte> p3, ReadOnlySpan<byte> p4, ReadOnlySpan<byte> p5, int count = 6)
    {
        int total = p0.Length + p1.Length + p2.Length + p3.Length + p4.Length + p5.Length + count;
        byte[]? rented = total > 512 ? ArrayPool<byte>.Shared.Rent(total) : null;
        Span<byte> joined = rented ?? stackalloc byte[512];
        int n = 0;
        Add(joined, ref n, p0, false);
        Add(joined, ref n, p1, true);
        if (count > 2)
        {
            Add(joined, ref n, p2, true);
        }
        if (count > 3)
        {
            Add(joined, ref n, p3, true);
            Add(joined, ref n, p4, true);
            Add(joined, ref n, p5, true);
        }
        Span<byte> digest = stackalloc byte[32];
        int size = DigestAlgorithms.IsSha256(algorithm)
            ? SHA256.HashData(joined[..n], digest)
            : MD5.HashData(joined[..n], digest);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
        ToHex(digest[..size], hex);
    }

    private static void Add(Span<byte> joined, ref int n, ReadOnlySpan<byte> part, bool colon)
    {
        if (colon)
        {
            joined[n++] = (byte)':';
        }
        part.CopyTo(joined[n..]);
        n += part.Length;
    }

    internal static void ToHex(ReadOnlySpan<byte> bytes, Span<byte> hex)
    {
        const string Digits = "0123456789abcdef";
        for (int i = 0; i < bytes.Length; i++)
        {
            hex[2 * i] = (byte)Digits[bytes[i] >> 4];
            hex[(2 * i) + 1] = (byte)Digits[bytes[i] & 0xF];
        }
    }
}
