namespace PagingServer.Image.Tests.Layer;

/// <summary>
/// The block-style YAML subset kas files use: nested mappings, lists of scalars, and
/// literal blocks (kept as text). No NuGet YAML parser may be used here, and kas files need
/// no more. A mapping is a Dictionary&lt;string, object?&gt;, a list a List&lt;string&gt;.
/// </summary>
internal static class TinyYaml
{
    public static Dictionary<string, object?> Parse(string text)
    {
        var lines = new List<(int Indent, string Text)>();
        foreach (string raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            string trimmed = raw.TrimStart();
            lines.Add((raw.Length - trimmed.Length, trimmed.TrimEnd()));
        }
        int index = 0;
        return Mapping(lines, ref index, 0);
    }

    private static Dictionary<string, object?> Mapping(List<(int Indent, string Text)> lines, ref int i, int indent)
    {
        var map = new Dictionary<string, object?>();
        while (i < lines.Count)
        {
            (int at, string line) = lines[i];
            if (line.Length == 0 || line.StartsWith('#'))
            {
                i++;
                continue;
            }
            if (at < indent)
                break;
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
                throw new FormatException($"line {i + 1}: '{line}' is not 'key: value'");
            string key = Unquote(line[..colon]);
            string rest = line[(colon + 1)..].Trim();
            i++;
            if (rest is "|" or ">")
            {
                var block = new List<string>();
                while (i < lines.Count && (lines[i].Text.Length == 0 || lines[i].Indent > at))
                    block.Add(lines[i++].Text);
                map[key] = string.Join('\n', block).Trim();
            }
            else if (rest.Length > 0 && !rest.StartsWith('#'))
            {
                map[key] = Unquote(rest);
            }
            else if (Next(lines, i) is { } next && lines[next].Indent > at && lines[next].Text.StartsWith("- ", StringComparison.Ordinal))
            {
                var list = new List<string>();
                i = next;
                while (i < lines.Count && (lines[i].Text.Length == 0 || (lines[i].Indent > at && lines[i].Text.StartsWith("- ", StringComparison.Ordinal))))
                {
                    if (lines[i].Text.Length > 0)
                        list.Add(Unquote(lines[i].Text[2..]));
                    i++;
                }
                map[key] = list;
            }
            else if (Next(lines, i) is { } child && lines[child].Indent > at)
            {
                map[key] = Mapping(lines, ref i, lines[child].Indent);
            }
            else
            {
                map[key] = null;
            }
        }
        return map;
    }

    private static int? Next(List<(int Indent, string Text)> lines, int i)
    {
        for (; i < lines.Count; i++)
        {
            if (lines[i].Text.Length > 0 && !lines[i].Text.StartsWith('#'))
                return i;
        }
        return null;
    }

    private static string Unquote(string s)
    {
        s = s.Trim();
        return s.Length >= 2 && (s[0] == '"' || s[0] == '\'') && s[^1] == s[0] ? s[1..^1] : s;
    }
}
