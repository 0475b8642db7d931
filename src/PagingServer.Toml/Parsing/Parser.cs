namespace PagingServer.Toml.Parsing;

/// <summary>
/// Recursive-descent TOML 1.0.0 parser over a decoded document (toml.io/en/v1.0.0, ABNF in
/// toml.abnf). Every method returns false after recording the first error; nothing throws for bad
/// input. Concerns live in partial files: Document (lines, headers), Keys, Values (arrays, inline
/// tables), Strings, Numbers, DateTimes.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Arrays and inline tables nested deeper than this are refused, so no input can exhaust the stack.</summary>
    internal const int MaxDepth = 200;

    private readonly string _src;
    private int _pos;
    private int _depth;
    private TomlError? _error;

    /// <summary>Keys of the table that keys are being added to, formatted only for error messages.</summary>
    private readonly List<string> _tablePath = [];

    // Incremental line counting: positions only move forward, so count from the last answer.
    private int _lineCountedTo;
    private int _lineAtCounted = 1;

    public Parser(string source) => _src = source;

    public TomlParseResult Run()
    {
        var root = new TomlTable(TableOrigin.Header, 1);
        return ParseDocument(root) ? TomlParseResult.Ok(root) : TomlParseResult.Fail(_error ?? new TomlError(1, 1, "internal error"));
    }

    private bool AtEnd => _pos >= _src.Length;

    /// <summary>The character <paramref name="ahead"/> places on, or -1 past the end.</summary>
    private int Peek(int ahead = 0) => _pos + ahead < _src.Length ? _src[_pos + ahead] : -1;

    private bool Fail(string message) => Fail(_pos, message);

    private bool Fail(int at, string message)
    {
        if (_error is null)
        {
            var (line, column) = Cursor.PositionOf(_src, at);
            _error = new TomlError(line, column, message);
        }

        return false;
    }

    private int LineAt(int index)
    {
        if (index < _lineCountedTo)
        {
            _lineCountedTo = 0;
            _lineAtCounted = 1;
        }

        _lineAtCounted += _src.AsSpan(_lineCountedTo, index - _lineCountedTo).Count('\n');
        _lineCountedTo = index;
        return _lineAtCounted;
    }

    private void SkipWhitespace()
    {
        while (Peek() is ' ' or '\t')
        {
            _pos++;
        }
    }

    /// <summary>Consumes LF or CRLF; a CR alone is not a newline in TOML.</summary>
    private bool TryNewline()
    {
        if (Peek() == '\n')
        {
            _pos++;
            return true;
        }

        if (Peek() == '\r' && Peek(1) == '\n')
        {
            _pos += 2;
            return true;
        }

        return false;
    }

    /// <summary>Skips a comment if one starts here; fails on control characters inside it.</summary>
    private bool SkipComment()
    {
        if (Peek() != '#')
        {
            return true;
        }

        _pos++;
        while (!AtEnd && Peek() != '\n')
        {
            int c = Peek();
            if (c == '\r' && Peek(1) == '\n')
            {
                return true;
            }

            // toml.abnf: comment chars are tab and non-control characters.
            if (Cursor.IsControl(c))
            {
                return Fail($"{Cursor.Describe(c)} is not allowed in a comment");
            }

            _pos++;
        }

        return true;
    }

    /// <summary>Skips whitespace, comments and newlines, as allowed inside arrays.</summary>
    private bool SkipBlank()
    {
        while (true)
        {
            SkipWhitespace();
            if (!SkipComment())
            {
                return false;
            }

            if (!TryNewline())
            {
                return true;
            }
        }
    }
}
