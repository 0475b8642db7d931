using System.Globalization;

namespace PagingServer.Toml;

/// <summary>A TOML integer (signed 64-bit, toml.io v1.0.0 "Integer").</summary>
public sealed class TomlInteger : TomlValue
{
    internal TomlInteger(long value, int line) : base(line) => Value = value;

    /// <summary>The integer value.</summary>
    public long Value { get; }

    /// <inheritdoc/>
    public override TomlValueKind Kind => TomlValueKind.Integer;

    /// <summary>The value in decimal.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
