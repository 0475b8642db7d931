namespace PagingServer.Sip.Text;

// Character classes and small span helpers from the RFC 3261 section 25.1 grammar.
internal static class SipChars
{
    // RFC 3261 25.1: token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")
    public static bool IsToken(byte c) =>
        IsAlphaNum(c) || c is (byte)'-' or (byte)'.' or (byte)'!' or (byte)'%' or (byte)'*'
            or (byte)'_' or (byte)'+' or (byte)'`' or (byte)'\'' or (byte)'~';

    public static bool IsAlphaNum(byte c) => (uint)((c | 0x20) - 'a') < 26 || (uint)(c - '0') < 10;

    public static bool IsAlpha(byte c) => (uint)((c | 0x20) - 'a') < 26;

    public static bool IsDigit(byte c) => (uint)(c - '0') < 10;

    public static bool IsWs(byte c) => c is (byte)' ' or (byte)'\t';

    public static bool IsHex(byte c) => IsDigit(c) || (uint)((c | 0x20) - 'a') < 6;

    public static int HexValue(byte c) => IsDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;

    public static bool IsAllToken(ReadOnlySpan<byte> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }
        foreach (byte c in s)
        {
            if (!IsToken(c))
            {
                return false;
            }
        }
        return true;
    }

    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        int a = 0;
        int b = s.Length;
        while (a < b && IsWs(s[a]))
        {
            a++;
        }
        while (b > a && IsWs(s[b - 1]))
        {
            b--;
        }
        return s[a..b];
    }

    public static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> s)
    {
        int a = 0;
        while (a < s.Length && IsWs(s[a]))
        {
            a++;
        }
        return s[a..];
    }

    // ASCII case-insensitive equality (RFC 3261 7.3.1: header names, tokens).
    public static bool EqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }
        for (int i = 0; i < a.Length; i++)
        {
            byte x = a[i];
            byte y = b[i];
            if (x != y && (!IsAlpha(x) || (x | 0x20) != (y | 0x20)))
            {
                return false;
            }
        }
        return true;
    }

    // Parses 1*DIGIT into a value no larger than max; false on overflow or a non-digit.
    public static bool TryParseUInt64(ReadOnlySpan<byte> s, ulong max, out ulong value)
    {
        value = 0;
        if (s.IsEmpty)
        {
            return false;
        }
        foreach (byte c in s)
        {
            if (!IsDigit(c))
            {
                return false;
            }
            ulong d = (ulong)(c - '0');
            if (value > (max - d) / 10)
            {
                return false;
            }
            value = (value * 10) + d;
        }
        return true;
    }

    public static bool TryParseInt(ReadOnlySpan<byte> s, int max, out int value)
    {
        bool ok = TryParseUInt64(s, (ulong)max, out ulong v);
        value = (int)v;
        return ok;
    }

    // Index of target outside quoted strings and angle brackets, or -1.
    public static int IndexOfUnquoted(ReadOnlySpan<byte> s, byte target)
    {
        bool quoted = false;
        bool angle = false;
        for (int i = 0; i < s.Length; i++)
        {
            byte c = s[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                continue;
            }
            if (c == target && !angle)
            {
                return i;
            }
            if (c == '"')
            {
                quoted = true;
            }
            else if (c == '<')
            {
                angle = true;
            }
            else if (c == '>')
            {
                angle = false;
            }
        }
        return -1;
    }

    // Length of the quoted-string at the start of s (quotes included), or -1 when unterminated.
    public static int QuotedStringLength(ReadOnlySpan<byte> s)
    {
        // RFC 3261 25.1: quoted-string = SWS DQUOTE *(qdtext / quoted-pair) DQUOTE;
        // quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F).
        if (s.IsEmpty || s[0] != '"')
        {
            return -1;
        }
        for (int i = 1; i < s.Length; i++)
        {
            byte c = s[i];
            if (c == '\\')
            {
                if (i + 1 >= s.Length || s[i + 1] is (byte)'\r' or (byte)'\n')
                {
                    return -1;
                }
                i++;
            }
            else if (c == '"')
            {
                return i + 1;
            }
            else if (c is (byte)'\r' or (byte)'\n')
            {
                return -1;
            }
        }
        return -1;
    }

    // Removes surrounding quotes (escapes are left as they are).
    public static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> s) =>
        s.Length >= 2 && s[0] == '"' && s[^1] == '"' ? s[1..^1] : s;
}
