using System.Globalization;
using PagingServer.Toml;

namespace PagingServer.Configuration;

/// <summary>
/// Turns a TOML file into configuration entries: tables are sections, keys are option names.
/// A scalar's value is its text form (strings as written, booleans true/false), so the same
/// checks apply as for INI; an array of scalars is joined with spaces, which suits the
/// list-like options (`jack-output-ports = [1, 2]`).
/// </summary>
internal static class TomlConfigReader
{
    public static List<ConfigEntry> Read(byte[] utf8, string file)
    {
        TomlParseResult parsed = TomlReader.Parse(utf8);
        if (!parsed.Success)
            throw new ConfigException(new ConfigSource(file, parsed.Error.Line), null, null, $"column {parsed.Error.Column}: {parsed.Error.Message}");

        var entries = new List<ConfigEntry>();
        foreach ((string name, TomlValue value) in parsed.Root)
        {
            if (value is TomlTable section)
                AddSection(name, section, file, entries);
            else
                entries.Add(new ConfigEntry("", name, "", new ConfigSource(file, value.Line)));
        }
        return entries;
    }

    private static void AddSection(string section, TomlTable table, string file, List<ConfigEntry> entries)
    {
        foreach ((string key, TomlValue value) in table)
        {
            var source = new ConfigSource(file, value.Line);
            switch (value)
            {
                case TomlTable:
                    // Deeper tables name no option; the loader reports the unknown section.
                    entries.Add(new ConfigEntry($"{section}.{key}", "*", "", source));
                    break;
                case TomlArray array when array.All(item => item.IsScalar):
                    entries.Add(new ConfigEntry(section, key, string.Join(' ', array.Select(Text)), source));
                    break;
                case TomlArray:
                    throw new ConfigException(source, section, key, "an array of tables or arrays is not a value of any option");
                default:
                    entries.Add(new ConfigEntry(section, key, Text(value), source));
                    break;
            }
        }
    }

    private static string Text(TomlValue value) => value switch
    {
        TomlString s => s.Value,
        TomlFloat f => f.Value.ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
