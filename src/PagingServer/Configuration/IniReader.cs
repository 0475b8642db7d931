using System.Text;

namespace PagingServer.Configuration;

/// <summary>
/// Reads the INI dialect of the original paging.conf (Python's configparser with its defaults):
/// `[section]` headers, `key = value` or `key: value`, whole-line `;` and `#` comments, indented
/// continuation lines, and `%%` for a literal `%`. Values are returned raw; the loader checks them.
/// </summary>
internal static class IniReader
{
    /// <summary>Parses <paramref name="text"/>; a syntax error throws <see cref="ConfigException"/> with the line.</summary>
    public static List<ConfigEntry> Read(string text, string file)
    {
        var entries = new List<ConfigEntry>();
        string? section = null;
        string? key = null;
        var value = new StringBuilder();
        int keyLine = 0;
        string[] lines = text.Split('\n');

        void Flush()
        {
            if (key is not null)
                entries.Add(new ConfigEntry(section!, key, Unescape(value.ToString(), new ConfigSource(file, keyLine), section!, key), new ConfigSource(file, keyLine)));
            key = null;
            value.Clear();
        }

        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (i == 0 && line.Length > 0 && line[0] == '\uFEFF')
                line = line[1..];
            var at = new ConfigSource(file, i + 1);
            string trimmed = line.Trim();

            if (trimmed.Length == 0)
            {
                Flush();
                continue;
            }
            if (trimmed[0] is ';' or '#')
                continue;
            // configparser: an indented line continues the value above it.
            if (char.IsWhiteSpace(line[0]) && key is not null)
            {
                value.Append('\n').Append(trimmed);
                continue;
            }
            Flush();
            if (trimmed[0] == '[')
            {
                if (trimmed[^1] != ']' || trimmed.Length < 3)
                    throw new ConfigException(at, null, null, $"malformed section header '{trimmed}'");
                section = trimmed[1..^1].Trim();
                continue;
            }
            int split = trimmed.IndexOfAny(['=', ':']);
            if (split <= 0)
                throw new ConfigException(at, section, null, $"expected 'option = value', found '{trimmed}'");
            if (section is null)
                throw new ConfigException(at, null, trimmed[..split].Trim(), "option before any [section] header");
            key = trimmed[..split].Trim();
            keyLine = i + 1;
            value.Append(trimmed[(split + 1)..].Trim());
        }
        Flush();
        return entries;
    }

    /// <summary>
    /// configparser's basic interpolation, reduced to what a paging.conf needs: `%%` is `%`; any
    /// other `%` is an error rather than a silently different value.
    /// </summary>
    private static string Unescape(string raw, ConfigSource at, string section, string key)
    {
        if (!raw.Contains('%'))
            return raw;
        var result = new StringBuilder(raw.Length);
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '%')
            {
                result.Append(raw[i]);
                continue;
            }
            if (i + 1 < raw.Length && raw[i + 1] == '%')
            {
                result.Append('%');
                i++;
                continue;
            }
            throw new ConfigException(at, section, key, "a literal '%' must be written '%%' (interpolation like %(name)s is not supported)");
        }
        return result.ToString();
    }
}
