using System.Security.Cryptography;

namespace PagingServer.Sip.Transactions;

/// <summary>Random identifiers: branches (RFC 3261 8.1.1.7), tags (19.3) and Call-IDs (8.1.1.4).</summary>
public static class SipIds
{
    /// <summary>A branch starting with the magic cookie z9hG4bK.</summary>
    public static string NewBranch() => "z9hG4bK" + Random(10);

    /// <summary>A tag with at least 32 bits of randomness (19.3).</summary>
    public static string NewTag() => Random(6);

    /// <summary>A globally unique Call-ID.</summary>
    public static string NewCallId(string host) => Random(12) + "@" + host;

    /// <summary>A cnonce or server nonce.</summary>
    public static string NewNonce() => Random(16);

    private static string Random(int bytes)
    {
        Span<byte> b = stackalloc byte[16];
        RandomNumberGenerator.Fill(b[..bytes]);
        return Convert.ToHexStringLower(b[..bytes]);
    }
}
