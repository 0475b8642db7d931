using System.Text;

namespace PagingServer.Toml.Parsing;

/// <summary>One simple key of a dotted key, and where it starts (for error positions).</summary>
internal readonly record struct KeyPart(string Name, int Position)
{
    public static string Path(List<KeyPart> parts, int count = -1) =>
        TomlKey.FormatPath(parts.Take(count < 0 ? parts.Count : count).Select(static p => p.Name));
}

/// <summary>Keys: bare, quoted and dotted (toml.io v1.0.0 "Keys").</summary>
internal sealed partial class Parser
{
    private bool ParseKey(List<KeyPart> parts)
    {
        while (true)
        {
            SkipWhitespace();
            int start = _pos;
            if (!ParseSimpleKey(out string name))
            {
                return false;
            }

            parts.Add(new KeyPart(name, start));
            SkipWhitespace();
            if (Peek() != '.')
            {
                return true;
            }

            _pos++;
        }
    }

    private bool ParseSimpleKey(out string name)
    {
        name = string.Empty;
        int c = Peek();
        if (c == '"' || c == '\'')
        {
            if (Peek(1) == c && Peek(2) == c)
            {
                return Fail("a multi-line string cannot be used as a key");
            }

            var sb = new StringBuilder();
            bool ok = c == '"' ? ParseBasicString(sb) : ParseLiteralString(sb);
            name = sb.ToString();
            return ok;
        }

        int start = _pos;
        while (Peek() is int b and >= 0 && TomlKey.IsBareKeyChar((char)b))
        {
            _pos++;
        }

        if (_pos == start)
        {
            return Fail($"expected a key, found {Cursor.Describe(c)}");
        }

        name = _src[start.._pos];
        return true;
    }
}
