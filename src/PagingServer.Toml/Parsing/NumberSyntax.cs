using System.Globalization;

namespace PagingServer.Toml.Parsing;

internal enum NumberShape
{
    Decimal,
    Hex,
    Octal,
    Binary,
    Float,
}

/// <summary>The number grammar of toml.abnf ("integer", "float"), checked character by character.</summary>
internal static class NumberSyntax
{
    /// <summary>Null when <paramref name="s"/> is a valid TOML integer or finite float, else why not.</summary>
    public static string? Check(string s, out NumberShape shape)
    {
        shape = NumberShape.Decimal;
        int i = 0;
        bool signed = s.Length > 0 && s[0] is '+' or '-';
        if (signed)
        {
            i++;
        }

        if (s.Length - i >= 2 && s[i] == '0' && s[i + 1] is 'x' or 'o' or 'b')
        {
            shape = s[i + 1] switch { 'x' => NumberShape.Hex, 'o' => NumberShape.Octal, _ => NumberShape.Binary };
            if (signed)
            {
                return "a sign is not allowed on hexadecimal, octal or binary integers";
            }

            Func<char, bool> isDigit = shape switch
            {
                NumberShape.Hex => char.IsAsciiHexDigit,
                NumberShape.Octal => static c => c is >= '0' and <= '7',
                _ => static c => c is '0' or '1',
            };
            return Digits(s, i + 2, isDigit, out int end) ?? (end == s.Length ? null : Unexpected(s, end));
        }

        int intStart = i;
        string? error = Digits(s, i, char.IsAsciiDigit, out i);
        if (error is not null)
        {
            return error;
        }

        // toml.abnf "dec-int": no leading zeros, so "0" alone or a non-zero first digit.
        if (s[intStart] == '0' && i - intStart > 1)
        {
            return "leading zeros are not allowed";
        }

        if (i < s.Length && s[i] == '.')
        {
            shape = NumberShape.Float;
            error = Digits(s, i + 1, char.IsAsciiDigit, out i);
            if (error is not null)
            {
                return "a decimal point needs digits on both sides; " + error;
            }
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            shape = NumberShape.Float;
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            error = Digits(s, i, char.IsAsciiDigit, out i);
            if (error is not null)
            {
                return "bad exponent; " + error;
            }
        }

        return i == s.Length ? null : Unexpected(s, i);
    }

    /// <summary>One or more digits, single underscores only between digits.</summary>
    private static string? Digits(string s, int i, Func<char, bool> isDigit, out int end)
    {
        end = i;
        if (i >= s.Length || !isDigit(s[i]))
        {
            return i < s.Length && s[i] == '_' ? "an underscore must stand between digits" : "expected a digit";
        }

        while (i < s.Length)
        {
            if (isDigit(s[i]))
            {
                i++;
            }
            else if (s[i] == '_')
            {
                if (i + 1 >= s.Length || !isDigit(s[i + 1]))
                {
                    end = i;
                    return "an underscore must stand between digits";
                }

                i++;
            }
            else
            {
                break;
            }
        }

        end = i;
        return null;
    }

    private static string Unexpected(string s, int i) => $"unexpected '{s[i]}'";

    /// <summary>Converts underscore-free integer text of the given shape, false on overflow.</summary>
    public static bool TryConvertInteger(string digits, NumberShape shape, out long value)
    {
        var style = NumberStyles.AllowLeadingSign;
        switch (shape)
        {
            case NumberShape.Hex:
                return TryRadix(digits.AsSpan(2), 16, out value);
            case NumberShape.Octal:
                return TryRadix(digits.AsSpan(2), 8, out value);
            case NumberShape.Binary:
                return TryRadix(digits.AsSpan(2), 2, out value);
            default:
                return long.TryParse(digits, style, CultureInfo.InvariantCulture, out value);
        }
    }

    private static bool TryRadix(ReadOnlySpan<char> digits, int radix, out long value)
    {
        value = 0;
        foreach (char c in digits)
        {
            int d = char.IsAsciiDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
            if (value > (long.MaxValue - d) / radix)
            {
                return false;
            }

            value = (value * radix) + d;
        }

        return true;
    }
}
