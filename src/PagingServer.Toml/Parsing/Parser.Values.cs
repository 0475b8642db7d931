using System.Diagnostics.CodeAnalysis;

namespace PagingServer.Toml.Parsing;

/// <summary>Values: dispatch on the first character, arrays, inline tables, booleans (toml.abnf "val").</summary>
internal sealed partial class Parser
{
    private bool ParseValue(int line, [NotNullWhen(true)] out TomlValue? value)
    {
        value = null;
        int c = Peek();
        switch (c)
        {
            case '"':
            case '\'':
                return ParseStringValue(line, out value);
            case '[':
                return Nested(ParseArray(line, out var array), array, out value);
            case '{':
                return Nested(ParseInlineTable(line, out var table), table, out value);
            case 't':
            case 'f':
                return ParseBoolean(line, out value);
            case '+' or '-' or 'i' or 'n':
            case >= '0' and <= '9':
                return ParseNumberOrDateTime(line, out value);
            case -1 or '\n' or '\r' or '#':
                return Fail("expected a value on the same line as the key");
            default:
                return Fail($"expected a value, found {Cursor.Describe(c)}");
        }
    }

    private static bool Nested<T>(bool ok, T? parsed, [NotNullWhen(true)] out TomlValue? value)
        where T : TomlValue
    {
        value = parsed;
        return ok && parsed is not null;
    }

    private bool ParseBoolean(int line, [NotNullWhen(true)] out TomlValue? value)
    {
        value = null;
        var rest = _src.AsSpan(_pos);
        bool isTrue = rest.StartsWith("true", StringComparison.Ordinal);
        if (isTrue || rest.StartsWith("false", StringComparison.Ordinal))
        {
            _pos += isTrue ? 4 : 5;
            value = new TomlBoolean(isTrue, line);
            return true;
        }

        return Fail("expected a value ('true' and 'false' are lower case; strings need quotes)");
    }

    private bool Enter()
    {
        if (++_depth > MaxDepth)
        {
            return Fail($"arrays and inline tables nested deeper than {MaxDepth} levels");
        }

        return true;
    }

    /// <summary>Elements separated by commas; newlines and comments allowed; trailing comma allowed.</summary>
    private bool ParseArray(int line, out TomlArray? array)
    {
        array = null;
        if (!Enter())
        {
            return false;
        }

        var result = new TomlArray(isArrayOfTables: false, line);
        _pos++;
        while (true)
        {
            if (!SkipBlank())
            {
                return false;
            }

            if (Peek() == ']')
            {
                break;
            }

            if (!ParseValue(LineAt(_pos), out var element))
            {
                return false;
            }

            result.Add(element);
            if (!SkipBlank())
            {
                return false;
            }

            if (Peek() == ',')
            {
                _pos++;
                continue;
            }

            if (Peek() != ']')
            {
                return Fail($"expected ',' or ']' in array, found {Cursor.Describe(Peek())}");
            }

            break;
        }

        _pos++;
        _depth--;
        array = result;
        return true;
    }

    /// <summary>
    /// <c>{ k = v, ... }</c> on one line, no trailing comma (TOML 1.0.0; 1.1 relaxes both).
    /// </summary>
    private bool ParseInlineTable(int line, out TomlTable? table)
    {
        table = null;
        if (!Enter())
        {
            return false;
        }

        var result = new TomlTable(TableOrigin.Inline, line);
        _pos++;
        SkipWhitespace();
        if (Peek() != '}')
        {
            while (true)
            {
                SkipWhitespace();
                if (Peek() == '}')
                {
                    return Fail("trailing comma is not allowed in an inline table");
                }

                if (!InlineMember(result))
                {
                    return false;
                }

                SkipWhitespace();
                if (Peek() == ',')
                {
                    _pos++;
                    continue;
                }

                if (Peek() != '}')
                {
                    return Fail(Peek() is '\n' or '\r'
                        ? "newline inside an inline table (TOML 1.0.0 inline tables are one line)"
                        : $"expected ',' or '}}' in inline table, found {Cursor.Describe(Peek())}");
                }

                break;
            }
        }

        _pos++;
        _depth--;
        table = result;
        return true;
    }

    private bool InlineMember(TomlTable table)
    {
        int c = Peek();
        if (c is '\n' or '\r' or '#' or -1)
        {
            return Fail("newline inside an inline table (TOML 1.0.0 inline tables are one line)");
        }

        return ParseKeyValue(table);
    }
}
