using System.Security.Cryptography;
using PagingServer.Sip.Text;

namespace PagingServer.Sip.Auth;

/// <summary>Outcome of checking credentials on the server side.</summary>
public enum DigestVerification : byte
{
    /// <summary>The response matches the password.</summary>
    Valid,
    /// <summary>Realm differs from ours: challenge again.</summary>
    WrongRealm,
    /// <summary>Unknown algorithm or qop, or missing cnonce/nc with qop.</summary>
    Unsupported,
    /// <summary>The response does not match: wrong password (or tampered fields).</summary>
    WrongResponse,
}

/// <summary>Server-side check of Digest credentials against a known password (RFC 2617 3.2.2, RFC 7616 3.4).</summary>
public static class DigestVerifier
{
    /// <summary>
    /// Recomputes the response for <paramref name="credentials"/> with <paramref name="password"/> and the
    /// request <paramref name="method"/>. The caller still checks that the nonce is one it issued and still
    /// fresh (else 401 with stale=true), that nc increases, and that the username is the expected one.
    /// </summary>
    public static DigestVerification Verify(in DigestCredentials credentials, ReadOnlySpan<byte> method,
        ReadOnlySpan<byte> expectedRealm, ReadOnlySpan<byte> password)
    {
        if (!credentials.Realm.SequenceEqual(expectedRealm))
        {
            return DigestVerification.WrongRealm;
        }
        if (!DigestAlgorithms.TryParse(credentials.AlgorithmToken, out var algorithm)
            || (!credentials.Qop.IsEmpty && (credentials.Cnonce.IsEmpty || credentials.NonceCount.Length != 8)))
        {
            return DigestVerification.Unsupported;
        }
        Span<byte> expected = stackalloc byte[64];
        if (!DigestCalculator.TryComputeResponse(algorithm, credentials.Username, credentials.Realm, password, method,
            credentials.Uri, credentials.Nonce, credentials.Cnonce, credentials.NonceCount, credentials.Qop, expected))
        {
            return DigestVerification.Unsupported;
        }
        int length = DigestAlgorithms.HexLength(algorithm);
        Span<byte> given = stackalloc byte[64];
        if (credentials.Response.Length != length)
        {
            return DigestVerification.WrongResponse;
        }
        // Hex may arrive in upper case; compare lowercase, in constant time.
        for (int i = 0; i < length; i++)
        {
            byte c = credentials.Response[i];
            given[i] = SipChars.IsAlpha(c) ? (byte)(c | 0x20) : c;
        }
        return CryptographicOperations.FixedTimeEquals(given[..length], expected[..length])
            ? DigestVerification.Valid
            : DigestVerification.WrongResponse;
    }
}
