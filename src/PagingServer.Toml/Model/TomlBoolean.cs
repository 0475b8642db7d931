namespace PagingServer.Toml;

/// <summary>A TOML boolean.</summary>
public sealed class TomlBoolean : TomlValue
{
    internal TomlBoolean(bool value, int line) : base(line) => Value = value;

    /// <summary>The boolean value.</summary>
    public bool Value { get; }

    /// <inheritdoc/>
    public override TomlValueKind Kind => TomlValueKind.Boolean;

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public override string ToString() => Value ? "true" : "false";
}
