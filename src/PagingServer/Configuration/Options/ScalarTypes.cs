using System.Globalization;

namespace PagingServer.Configuration.Options;

/// <summary>Booleans as the original's configparser took them: 1/yes/true/on and 0/no/false/off.</summary>
internal sealed class BoolType : OptionType<bool>
{
    public static readonly BoolType Instance = new();

    public override string Describe => "boolean";

    public override bool TomlBare => true;

    public override bool TryParse(string text, out bool value, out string error)
    {
        error = "";
        switch (text.Trim().ToLowerInvariant())
        {
            case "1" or "yes" or "true" or "on": value = true; return true;
            case "0" or "no" or "false" or "off": value = false; return true;
            default:
                value = false;
                error = $"'{text}' is not a boolean (use yes/no, true/false, on/off or 1/0)";
                return false;
        }
    }

    public override string Format(bool value) => value ? "yes" : "no";
}

/// <summary>A real number with a unit and an inclusive range; the unit is part of the option's documentation.</summary>
internal sealed class NumberType(string unit, double min, double max) : OptionType<double>
{
    public string Unit { get; } = unit;

    public double Min { get; } = min;

    public double Max { get; } = max;

    public override string Describe => Unit;

    public override bool TomlBare => true;

    public override bool TryParse(string text, out double value, out string error)
    {
        error = "";
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            || double.IsNaN(value) || double.IsInfinity(value))
        {
            error = $"'{text}' is not a number ({Unit})";
            return false;
        }
        if (value < Min || value > Max)
        {
            error = $"{Invariant(value)} is out of range: {Invariant(Min)} to {Invariant(Max)} {Unit}";
            return false;
        }
        return true;
    }

    public override string Format(double value) => Invariant(value);
}

/// <summary>A whole number in an inclusive range (ports, counts).</summary>
internal sealed class IntegerType(string unit, long min, long max) : OptionType<long>
{
    public override string Describe => unit;

    public override bool TomlBare => true;

    public override bool TryParse(string text, out long value, out string error)
    {
        error = "";
        if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            error = $"'{text}' is not a whole number ({unit})";
            return false;
        }
        if (value < min || value > max)
        {
            error = $"{value} is out of range: {min} to {max} {unit}";
            return false;
        }
        return true;
    }

    public override string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Free text, taken as written (leading and trailing blanks removed).</summary>
internal sealed class TextType(string describe, Func<string, string?>? validate = null) : OptionType<string>
{
    public static readonly TextType Plain = new("text");

    public static readonly TextType FilePath = new("file path");

    public static readonly TextType DirectoryPath = new("directory path");

    public override string Describe => describe;

    public override bool TryParse(string text, out string value, out string error)
    {
        value = text.Trim();
        error = validate?.Invoke(value) ?? "";
        return error.Length == 0;
    }

    public override string Format(string value) => value;
}
