namespace PagingServer.Toml;

/// <summary>Why a document was rejected, and where (1-based line and column).</summary>
/// <remarks>The column counts Unicode code points from the start of the line, so a tab or an 'é' is one column.</remarks>
public sealed class TomlError
{
    internal TomlError(int line, int column, string message)
    {
        Line = line;
        Column = column;
        Message = message;
    }

    /// <summary>1-based line of the offending character.</summary>
    public int Line { get; }

    /// <summary>1-based column (in code points) of the offending character.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the position, e.g. "duplicate key 'port'".</summary>
    public string Message { get; }

    /// <summary>"line L, column C: message".</summary>
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
