using System.Globalization;

namespace PagingServer.Toml;

/// <summary>
/// A TOML offset date-time, local date-time, local date or local time (RFC 3339 profile,
/// toml.io v1.0.0 "Offset Date-Time" to "Local Time"). The components are validated; the source
/// text is kept because fractional seconds may be finer than any .NET type holds.
/// </summary>
public sealed class TomlDateTime : TomlValue
{
    internal TomlDateTime(TomlValueKind kind, string text, in Parts parts, int line) : base(line)
    {
        Kind = kind;
        Text = text;
        Year = parts.Year;
        Month = parts.Month;
        Day = parts.Day;
        Hour = parts.Hour;
        Minute = parts.Minute;
        Second = parts.Second;
        Fraction = parts.Fraction;
        OffsetMinutes = parts.OffsetMinutes;
    }

    /// <inheritdoc/>
    public override TomlValueKind Kind { get; }

    /// <summary>The value exactly as written in the document.</summary>
    public string Text { get; }

    /// <summary>Whether the value has a date part.</summary>
    public bool HasDate => Kind != TomlValueKind.LocalTime;

    /// <summary>Whether the value has a time part.</summary>
    public bool HasTime => Kind != TomlValueKind.LocalDate;

    /// <summary>Year (0 when there is no date part).</summary>
    public int Year { get; }

    /// <summary>Month 1-12 (0 when there is no date part).</summary>
    public int Month { get; }

    /// <summary>Day of month (0 when there is no date part).</summary>
    public int Day { get; }

    /// <summary>Hour 0-23.</summary>
    public int Hour { get; }

    /// <summary>Minute 0-59.</summary>
    public int Minute { get; }

    /// <summary>Second 0-60 (60 is an RFC 3339 leap second).</summary>
    public int Second { get; }

    /// <summary>The digits after the decimal point of the seconds, empty when absent.</summary>
    public string Fraction { get; }

    /// <summary>The UTC offset in minutes for an offset date-time, otherwise null.</summary>
    public int? OffsetMinutes { get; }

    /// <summary>
    /// The value in a canonical RFC 3339 form: 'T' separator, upper-case 'Z', offset "+00:00"
    /// written as 'Z' only when the source used 'Z'. Date-only and time-only values print their part.
    /// </summary>
    public string ToCanonicalString()
    {
        var inv = CultureInfo.InvariantCulture;
        string date = HasDate ? string.Create(inv, $"{Year:D4}-{Month:D2}-{Day:D2}") : string.Empty;
        if (!HasTime)
        {
            return date;
        }

        string time = string.Create(inv, $"{Hour:D2}:{Minute:D2}:{Second:D2}");
        if (Fraction.Length > 0)
        {
            time += "." + Fraction;
        }

        string offset = string.Empty;
        if (OffsetMinutes is int off)
        {
            bool zulu = Text.EndsWith('Z') || Text.EndsWith('z');
            offset = zulu ? "Z" : string.Create(inv, $"{(off < 0 ? '-' : '+')}{Math.Abs(off) / 60:D2}:{Math.Abs(off) % 60:D2}");
        }

        return HasDate ? date + "T" + time + offset : time;
    }

    /// <summary>The source text, which is valid TOML.</summary>
    public override string ToString() => Text;

    /// <summary>Converts an offset date-time; fails for other kinds and for leap seconds.</summary>
    public bool TryGetDateTimeOffset(out DateTimeOffset value)
    {
        value = default;
        // DateTimeOffset holds offsets up to 14 h only (TOML allows 23:59), years 1-9999 (TOML 0-9999).
        if (OffsetMinutes is not int off || Second > 59 || Math.Abs(off) > 14 * 60 || Year < 1)
        {
            return false;
        }

        var local = new DateTime(Year, Month, Day, Hour, Minute, Second, DateTimeKind.Unspecified).AddTicks(FractionTicks());
        long utcTicks = local.Ticks - (off * TimeSpan.TicksPerMinute);
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(local, TimeSpan.FromMinutes(off));
        return true;
    }

    /// <summary>The date part, or null for a local time and for year 0 (which <see cref="DateOnly"/> cannot hold).</summary>
    public DateOnly? Date => HasDate && Year >= 1 ? new DateOnly(Year, Month, Day) : null;

    /// <summary>The time part truncated to 100 ns (a leap second reads as 59.9999999), or null for a date.</summary>
    public TimeOnly? Time => !HasTime ? null
        : Second > 59 ? new TimeOnly(Hour, Minute, 59).Add(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - 1))
        : new TimeOnly(Hour, Minute, Second).Add(TimeSpan.FromTicks(FractionTicks()));

    private long FractionTicks()
    {
        long ticks = 0;
        for (int i = 0; i < 7; i++)
        {
            ticks = (ticks * 10) + (i < Fraction.Length ? Fraction[i] - '0' : 0);
        }

        return ticks;
    }

    internal struct Parts
    {
        public int Year, Month, Day, Hour, Minute, Second;
        public string Fraction;
        public int? OffsetMinutes;
    }
}
