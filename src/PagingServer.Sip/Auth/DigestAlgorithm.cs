using PagingServer.Sip.Text;

namespace PagingServer.Sip.Auth;

/// <summary>Digest algorithms (RFC 7616 3.2; SIP use per RFC 8760).</summary>
public enum DigestAlgorithm : byte
{
    /// <summary>MD5, the default when the algorithm parameter is absent (RFC 2617 3.2.1).</summary>
    Md5,
    /// <summary>MD5-sess (RFC 2617 3.2.2.2).</summary>
    Md5Sess,
    /// <summary>SHA-256 (RFC 7616, RFC 8760).</summary>
    Sha256,
    /// <summary>SHA-256-sess (RFC 7616 3.4.2).</summary>
    Sha256Sess,
}

/// <summary>Names and properties of <see cref="DigestAlgorithm"/>.</summary>
public static class DigestAlgorithms
{
    /// <summary>Parses an algorithm token case-insensitively; an empty token means MD5.</summary>
    public static bool TryParse(ReadOnlySpan<byte> token, out DigestAlgorithm algorithm)
    {
        algorithm = DigestAlgorithm.Md5;
        if (token.IsEmpty || SipChars.EqualsIgnoreCase(token, "MD5"u8))
        {
            return true;
        }
        if (SipChars.EqualsIgnoreCase(token, "MD5-sess"u8))
        {
            algorithm = DigestAlgorithm.Md5Sess;
            return true;
        }
        if (SipChars.EqualsIgnoreCase(token, "SHA-256"u8))
        {
            algorithm = DigestAlgorithm.Sha256;
            return true;
        }
        if (SipChars.EqualsIgnoreCase(token, "SHA-256-sess"u8))
        {
            algorithm = DigestAlgorithm.Sha256Sess;
            return true;
        }
        return false;
    }

    /// <summary>The token written in headers.</summary>
    public static ReadOnlySpan<byte> Name(DigestAlgorithm a) => a switch
    {
        DigestAlgorithm.Md5Sess => "MD5-sess"u8,
        DigestAlgorithm.Sha256 => "SHA-256"u8,
        DigestAlgorithm.Sha256Sess => "SHA-256-sess"u8,
        _ => "MD5"u8,
    };

    /// <summary>Length of the lowercase hex digest.</summary>
    public static int HexLength(DigestAlgorithm a) => IsSha256(a) ? 64 : 32;

    internal static bool IsSha256(DigestAlgorithm a) => a is DigestAlgorithm.Sha256 or DigestAlgorithm.Sha256Sess;

    internal static bool IsSession(DigestAlgorithm a) => a is DigestAlgorithm.Md5Sess or DigestAlgorithm.Sha256Sess;
}
