using PagingServer.Sip.Text;

namespace PagingServer.Sip.Uri;

/// <summary>%HEX escapes in URIs (RFC 3261 19.1.2, 19.1.4; RFC 4475 3.1.1.3).</summary>
public static class SipEscaping
{
    /// <summary>
    /// Writes <paramref name="escaped"/> with each %HEXHEX decoded once (never recursively:
    /// <c>%25%34%31</c> becomes <c>%41</c>, not <c>A</c>). Returns the byte count, or -1 when
    /// <paramref name="destination"/> is too small. A '%' not followed by two hex digits is kept.
    /// </summary>
    public static int Unescape(ReadOnlySpan<byte> escaped, Span<byte> destination)
    {
        int n = 0;
        for (int i = 0; i < escaped.Length; i++)
        {
            if (n >= destination.Length)
            {
                return -1;
            }
            byte c = escaped[i];
            if (c == '%' && i + 2 < escaped.Length && SipChars.IsHex(escaped[i + 1]) && SipChars.IsHex(escaped[i + 2]))
            {
                c = (byte)((SipChars.HexValue(escaped[i + 1]) << 4) | SipChars.HexValue(escaped[i + 2]));
                i += 2;
            }
            destination[n++] = c;
        }
        return n;
    }

    /// <summary>True when every '%' starts a valid %HEXHEX escape.</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '%')
            {
                if (i + 2 >= text.Length || !SipChars.IsHex(text[i + 1]) || !SipChars.IsHex(text[i + 2]))
                {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }

    /// <summary>
    /// Compares two URI components after decoding escapes (RFC 3261 19.1.4: "%61lice" equals
    /// "alice"); <paramref name="ignoreCase"/> for hosts and parameters, not for user parts.
    /// </summary>
    public static bool EqualsUnescaped(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, bool ignoreCase)
    {
        int i = 0;
        int j = 0;
        while (i < a.Length && j < b.Length)
        {
            byte x = Next(a, ref i);
            byte y = Next(b, ref j);
            if (x != y && !(ignoreCase && SipChars.IsAlpha(x) && (x | 0x20) == (y | 0x20)))
            {
                return false;
            }
        }
        return i == a.Length && j == b.Length;
    }

    private static byte Next(ReadOnlySpan<byte> s, ref int i)
    {
        byte c = s[i];
        if (c == '%' && i + 2 < s.Length && SipChars.IsHex(s[i + 1]) && SipChars.IsHex(s[i + 2]))
        {
            c = (byte)((SipChars.HexValue(s[i + 1]) << 4) | SipChars.HexValue(s[i + 2]));
            i += 3;
            return c;
        }
        i++;
        return c;
    }
}
