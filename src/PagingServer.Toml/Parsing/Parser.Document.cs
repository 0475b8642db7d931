namespace PagingServer.Toml.Parsing;

/// <summary>The document level: one expression per line (toml.abnf "expression").</summary>
internal sealed partial class Parser
{
    private bool ParseDocument(TomlTable root)
    {
        var current = root;
        while (true)
        {
            SkipWhitespace();
            if (AtEnd)
            {
                return true;
            }

            int c = Peek();
            if (c == '[')
            {
                if (!ParseHeader(root, out current))
                {
                    return false;
                }
            }
            else if (c != '#' && c != '\n' && c != '\r')
            {
                if (!ParseKeyValue(current))
                {
                    return false;
                }
            }

            if (!EndOfLine())
            {
                return false;
            }
        }
    }

    /// <summary>After an expression only whitespace and a comment may follow on the line.</summary>
    private bool EndOfLine()
    {
        SkipWhitespace();
        if (!SkipComment())
        {
            return false;
        }

        if (AtEnd || TryNewline())
        {
            return true;
        }

        int c = Peek();
        return c == '\r'
            ? Fail("carriage return not followed by a line feed")
            : Fail($"unexpected {Cursor.Describe(c)}; expected a newline or a comment");
    }

    /// <summary><c>key = value</c> into <paramref name="table"/> (toml.abnf "keyval").</summary>
    private bool ParseKeyValue(TomlTable table)
    {
        int keyPos = _pos;
        int line = LineAt(keyPos);
        var key = new List<KeyPart>(2);
        if (!ParseKey(key))
        {
            return false;
        }

        SkipWhitespace();
        if (Peek() != '=')
        {
            return Fail($"expected '=' after key '{KeyPart.Path(key)}', found {Cursor.Describe(Peek())}");
        }

        _pos++;
        SkipWhitespace();

        // Inline tables inside the value report their keys under this key's path.
        int depth = _tablePath.Count;
        _tablePath.AddRange(key.Select(static k => k.Name));
        bool ok = ParseValue(line, out var value);
        _tablePath.RemoveRange(depth, _tablePath.Count - depth);
        return ok && DefineKeyValue(table, key, value!);
    }

    /// <summary><c>[table]</c> or <c>[[array.of.tables]]</c> (toml.io v1.0.0 "Table", "Array of Tables").</summary>
    private bool ParseHeader(TomlTable root, out TomlTable current)
    {
        current = root;
        int line = LineAt(_pos);
        _pos++;
        bool arrayOfTables = Peek() == '[';
        if (arrayOfTables)
        {
            _pos++;
        }

        SkipWhitespace();
        var key = new List<KeyPart>(2);
        if (!ParseKey(key))
        {
            return false;
        }

        SkipWhitespace();
        string close = arrayOfTables ? "]]" : "]";
        if (!_src.AsSpan(_pos).StartsWith(close, StringComparison.Ordinal))
        {
            return Fail($"expected '{close}' to close the header [{KeyPart.Path(key)}], found {Cursor.Describe(Peek())}");
        }

        _pos += close.Length;
        _tablePath.Clear();
        _tablePath.AddRange(key.Select(static k => k.Name));
        return arrayOfTables
            ? DefineArrayOfTablesElement(root, key, line, out current)
            : DefineTable(root, key, line, out current);
    }
}
