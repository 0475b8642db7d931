using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace PagingServer.Toml.Parsing;

/// <summary>Basic and literal strings, single- and multi-line (toml.io v1.0.0 "String").</summary>
internal sealed partial class Parser
{
    private bool ParseStringValue(int line, [NotNullWhen(true)] out TomlValue? value)
    {
        value = null;
        int quote = Peek();
        bool multiLine = Peek(1) == quote && Peek(2) == quote;
        var sb = new StringBuilder();
        bool ok = (quote, multiLine) switch
        {
            ('"', false) => ParseBasicString(sb),
            ('"', true) => ParseMultiLineString(sb, basic: true),
            (_, false) => ParseLiteralString(sb),
            (_, true) => ParseMultiLineString(sb, basic: false),
        };
        if (ok)
        {
            value = new TomlString(sb.ToString(), line);
        }

        return ok;
    }

    /// <summary><c>"..."</c>: escapes, no newlines, no control characters but tab.</summary>
    private bool ParseBasicString(StringBuilder sb)
    {
        _pos++;
        while (true)
        {
            int c = Peek();
            if (c == '"')
            {
                _pos++;
                return true;
            }

            if (c == '\\')
            {
                if (!ParseEscape(sb))
                {
                    return false;
                }

                continue;
            }

            if (!AppendStringChar(sb, c, "basic string"))
            {
                return false;
            }
        }
    }

    /// <summary><c>'...'</c>: taken as written, no newlines, no control characters but tab.</summary>
    private bool ParseLiteralString(StringBuilder sb)
    {
        _pos++;
        while (true)
        {
            int c = Peek();
            if (c == '\'')
            {
                _pos++;
                return true;
            }

            if (!AppendStringChar(sb, c, "literal string"))
            {
                return false;
            }
        }
    }

    private bool AppendStringChar(StringBuilder sb, int c, string what)
    {
        if (c == -1 || c == '\n' || (c == '\r' && Peek(1) == '\n'))
        {
            return Fail($"unterminated {what}: a newline or the end of file came before the closing quote");
        }

        if (Cursor.IsControl(c))
        {
            return Fail($"{Cursor.Describe(c)} is not allowed in a {what}; write it as an escape");
        }

        sb.Append((char)c);
        _pos++;
        return true;
    }

    /// <summary>
    /// <c>"""..."""</c> or <c>'''...'''</c>: a newline right after the opening delimiter is dropped;
    /// up to two quotes may stand next to the closing delimiter; CRLF reads as LF.
    /// </summary>
    private bool ParseMultiLineString(StringBuilder sb, bool basic)
    {
        char quote = basic ? '"' : '\'';
        string what = basic ? "multi-line basic string" : "multi-line literal string";
        _pos += 3;
        TryNewline();
        while (true)
        {
            int c = Peek();
            if (c == quote)
            {
                int run = 0;
                while (Peek(run) == quote)
                {
                    run++;
                }

                if (run >= 3)
                {
                    if (run > 5)
                    {
                        return Fail(_pos + 5, $"too many quotes at the end of a {what}");
                    }

                    sb.Append(quote, run - 3);
                    _pos += run;
                    return true;
                }

                sb.Append(quote, run);
                _pos += run;
            }
            else if (basic && c == '\\')
            {
                if (!ParseMultiLineEscape(sb))
                {
                    return false;
                }
            }
            else if (TryNewline())
            {
                sb.Append('\n');
            }
            else if (c == -1)
            {
                return Fail($"unterminated {what}");
            }
            else if (Cursor.IsControl(c))
            {
                return Fail($"{Cursor.Describe(c)} is not allowed in a {what}");
            }
            else
            {
                sb.Append((char)c);
                _pos++;
            }
        }
    }

    /// <summary>A backslash at the end of a line eats all whitespace and newlines after it.</summary>
    private bool ParseMultiLineEscape(StringBuilder sb)
    {
        int i = 1;
        while (Peek(i) is ' ' or '\t')
        {
            i++;
        }

        if (Peek(i) != '\n' && !(Peek(i) == '\r' && Peek(i + 1) == '\n'))
        {
            return ParseEscape(sb);
        }

        _pos += i;
        while (true)
        {
            if (Peek() is ' ' or '\t')
            {
                _pos++;
            }
            else if (!TryNewline())
            {
                return true;
            }
        }
    }

    private bool ParseEscape(StringBuilder sb)
    {
        int start = _pos;
        int e = Peek(1);
        char? simple = e switch
        {
            'b' => '\b',
            't' => '\t',
            'n' => '\n',
            'f' => '\f',
            'r' => '\r',
            '"' => '"',
            '\\' => '\\',
            _ => null,
        };
        if (simple is char ch)
        {
            sb.Append(ch);
            _pos += 2;
            return true;
        }

        int digits = e switch { 'u' => 4, 'U' => 8, _ => 0 };
        if (digits == 0)
        {
            return Fail(start, $"invalid escape '\\{(e < 0 ? string.Empty : ((char)e).ToString())}' (TOML 1.0.0 has \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX)");
        }

        var hex = _src.AsSpan(Math.Min(_pos + 2, _src.Length));
        if (hex.Length < digits || hex[..digits].IndexOfAnyExcept("0123456789abcdefABCDEF") >= 0
            || !int.TryParse(hex[..digits], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
        {
            return Fail(start, $"escape '\\{(char)e}' needs exactly {digits} hexadecimal digits");
        }

        // Only Unicode scalar values may be escaped: no surrogates, nothing past U+10FFFF.
        if (code is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            return Fail(start, $"escape '\\{_src.AsSpan(_pos + 1, digits + 1)}' is not a Unicode scalar value");
        }

        sb.Append(char.ConvertFromUtf32(code));
        _pos += 2 + digits;
        return true;
    }
}
