namespace PagingServer.Toml;

/// <summary>A node of a parsed TOML document.</summary>
public abstract class TomlValue
{
    private protected TomlValue(int line) => Line = line;

    /// <summary>
    /// The 1-based line where the value was defined: the line of its key for key/value pairs,
    /// of its header for tables, of its first character for array elements.
    /// </summary>
    public int Line { get; internal set; }

    /// <summary>Which TOML type this value is.</summary>
    public abstract TomlValueKind Kind { get; }

    /// <summary>True for strings, numbers, booleans and date/time values.</summary>
    public bool IsScalar => Kind is not (TomlValueKind.Array or TomlValueKind.Table);
}
