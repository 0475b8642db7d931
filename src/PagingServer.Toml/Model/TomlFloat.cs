using System.Globalization;

namespace PagingServer.Toml;

/// <summary>A TOML float (IEEE 754 binary64, toml.io v1.0.0 "Float").</summary>
public sealed class TomlFloat : TomlValue
{
    internal TomlFloat(double value, int line) : base(line) => Value = value;

    /// <summary>The float value; may be infinite or NaN.</summary>
    public double Value { get; }

    /// <inheritdoc/>
    public override TomlValueKind Kind => TomlValueKind.Float;

    /// <summary>A TOML float literal that reads back to the same value (inf, -inf, nan included).</summary>
    public override string ToString()
    {
        if (double.IsNaN(Value))
        {
            return "nan";
        }

        if (double.IsInfinity(Value))
        {
            return Value > 0 ? "inf" : "-inf";
        }

        string text = Value.ToString("R", CultureInfo.InvariantCulture);

        // A TOML float needs a fraction or an exponent, else it would read back as an integer.
        return text.AsSpan().IndexOfAny('.', 'E') >= 0 ? text : text + ".0";
    }
}
