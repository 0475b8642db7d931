namespace PagingServer.Toml.Parsing;

/// <summary>
/// The date-time grammar of toml.abnf (after RFC 3339 section 5.6): full-date, partial-time
/// (seconds required in TOML 1.0.0), time-offset, with range checks of RFC 3339 section 5.7.
/// </summary>
internal static class DateTimeSyntax
{
    /// <summary>Null when <paramref name="s"/> is a valid value, else why not.</summary>
    public static string? Parse(string s, out TomlValueKind kind, out TomlDateTime.Parts parts)
    {
        parts = new TomlDateTime.Parts { Fraction = string.Empty };
        kind = TomlValueKind.LocalTime;
        int i = 0;
        if (s.Length >= 3 && s[2] == ':')
        {
            return Time(s, ref i, ref parts) ?? (i == s.Length ? null : Trailing(s, i));
        }

        string? error = Date(s, ref i, ref parts);
        if (error is not null)
        {
            return error;
        }

        kind = TomlValueKind.LocalDate;
        if (i == s.Length)
        {
            return null;
        }

        if (s[i] is not ('T' or 't' or ' '))
        {
            return Trailing(s, i);
        }

        i++;
        error = Time(s, ref i, ref parts);
        if (error is not null)
        {
            return error;
        }

        kind = TomlValueKind.LocalDateTime;
        if (i == s.Length)
        {
            return null;
        }

        kind = TomlValueKind.OffsetDateTime;
        if (s[i] is 'Z' or 'z')
        {
            parts.OffsetMinutes = 0;
            return i + 1 == s.Length ? null : Trailing(s, i + 1);
        }

        if (s[i] is not ('+' or '-') || i + 6 != s.Length || s[i + 3] != ':'
            || !Two(s, i + 1, out int oh) || !Two(s, i + 4, out int om))
        {
            return "the offset must be 'Z' or +HH:MM / -HH:MM";
        }

        if (oh > 23 || om > 59)
        {
            return "offset out of range";
        }

        parts.OffsetMinutes = (s[i] == '-' ? -1 : 1) * ((oh * 60) + om);
        return null;
    }

    private static string? Date(string s, ref int i, ref TomlDateTime.Parts p)
    {
        if (s.Length < 10 || !Two(s, 0, out int y1) || !Two(s, 2, out int y2) || s[4] != '-'
            || !Two(s, 5, out p.Month) || s[7] != '-' || !Two(s, 8, out p.Day))
        {
            return "a date is YYYY-MM-DD";
        }

        p.Year = (y1 * 100) + y2;
        i = 10;
        if (p.Month is < 1 or > 12)
        {
            return "month out of range";
        }

        int days = p.Month == 2 ? (IsLeap(p.Year) ? 29 : 28) : p.Month is 4 or 6 or 9 or 11 ? 30 : 31;
        return p.Day < 1 || p.Day > days ? "day out of range for the month" : null;
    }

    private static string? Time(string s, ref int i, ref TomlDateTime.Parts p)
    {
        if (s.Length < i + 8 || !Two(s, i, out p.Hour) || s[i + 2] != ':' || !Two(s, i + 3, out p.Minute)
            || s[i + 5] != ':' || !Two(s, i + 6, out p.Second))
        {
            return "a time is HH:MM:SS with optional fraction (TOML 1.0.0 requires the seconds)";
        }

        // RFC 3339 5.7: second 60 is a leap second.
        if (p.Hour > 23 || p.Minute > 59 || p.Second > 60)
        {
            return "time out of range";
        }

        i += 8;
        if (i < s.Length && s[i] == '.')
        {
            int start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                return "a decimal point in the seconds needs digits after it";
            }

            p.Fraction = s[start..i];
        }

        return null;
    }

    private static bool Two(string s, int at, out int value)
    {
        value = 0;
        if (at + 2 > s.Length || !char.IsAsciiDigit(s[at]) || !char.IsAsciiDigit(s[at + 1]))
        {
            return false;
        }

        value = ((s[at] - '0') * 10) + (s[at + 1] - '0');
        return true;
    }

    private static bool IsLeap(int y) => y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);

    private static string Trailing(string s, int i) => $"unexpected '{s[i]}' after the value";
}
