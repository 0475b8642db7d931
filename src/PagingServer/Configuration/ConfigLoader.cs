using PagingServer.Configuration.Options;

namespace PagingServer.Configuration;

/// <summary>A value given by a command-line flag; it overrides every file.</summary>
internal sealed record ConfigOverride(OptionSpec Option, string Value, string Flag);

/// <summary>
/// Reads the configuration files in order, checks every value against the catalog and builds the
/// <see cref="ResolvedConfig"/>. A bad value or an unreadable file throws
/// <see cref="ConfigException"/> (exit 78); unknown and obsolete options become warnings.
/// </summary>
internal static class ConfigLoader
{
    public static ResolvedConfig Load(IReadOnlyList<ConfigFile> files, IReadOnlyList<ConfigOverride> overrides)
    {
        var values = new Dictionary<OptionSpec, ResolvedValue>();
        var warnings = new List<string>();
        var read = new List<string>();

        foreach (ConfigFile file in files)
        {
            List<ConfigEntry>? entries = ReadFile(file);
            if (entries is null)
                continue;
            read.Add(file.Path);
            foreach (ConfigEntry entry in PreferDashed(entries, warnings))
                Apply(entry, values, warnings);
        }
        foreach (ConfigOverride flag in overrides)
        {
            var source = ConfigSource.CommandLine(flag.Flag);
            values[flag.Option] = new ResolvedValue(Parse(flag.Option, flag.Value, source), source);
        }
        foreach (OptionSpec spec in OptionCatalog.All)
        {
            if (!values.ContainsKey(spec))
                values[spec] = new ResolvedValue(ResolvedConfig.ParseDefault(spec), ConfigSource.Default);
        }
        return new ResolvedConfig(values, read, warnings);
    }

    /// <summary>Lower case with dashes: `Klaxon_Max_Length` and `klaxon-max-length` are one option.</summary>
    public static string Normalize(string name) => name.Trim().ToLowerInvariant().Replace('_', '-');

    private static List<ConfigEntry>? ReadFile(ConfigFile file)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.Path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            if (file.Required)
                throw new ConfigException(new ConfigSource(file.Path, 0), null, null, "file not found");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(new ConfigSource(file.Path, 0), null, null, $"cannot read: {e.Message}");
        }
        return file.Path.EndsWith(".toml", StringComparison.OrdinalIgnoreCase)
            ? TomlConfigReader.Read(bytes, file.Path)
            : IniReader.Read(DecodeUtf8(bytes, file.Path), file.Path);
    }

    private static string DecodeUtf8(byte[] bytes, string path)
    {
        try
        {
            return new System.Text.UTF8Encoding(false, true).GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new ConfigException(new ConfigSource(path, 0), null, null, "not valid UTF-8 text");
        }
    }

    /// <summary>
    /// Within one file, `a-b` beats `a_b` whatever their order (the original's documented names
    /// are dashed); the same spelling twice keeps the later one, with a warning.
    /// </summary>
    private static IEnumerable<ConfigEntry> PreferDashed(List<ConfigEntry> entries, List<string> warnings)
    {
        var chosen = new Dictionary<(string, string), ConfigEntry>();
        var order = new List<(string, string)>();
        foreach (ConfigEntry entry in entries)
        {
            var id = (Normalize(entry.Section), Normalize(entry.Key));
            if (!chosen.TryGetValue(id, out ConfigEntry? earlier))
            {
                chosen[id] = entry;
                order.Add(id);
                continue;
            }
            bool earlierDashed = !earlier.Key.Contains('_'), laterDashed = !entry.Key.Contains('_');
            if (earlierDashed == laterDashed)
                warnings.Add($"{entry.Source}: [{id.Item1}] {id.Item2} is set twice in this file; the value of line {entry.Source.Line} is used");
            if (laterDashed || !earlierDashed)
                chosen[id] = entry;
        }
        return order.Select(id => chosen[id]);
    }

    private static void Apply(ConfigEntry entry, Dictionary<OptionSpec, ResolvedValue> values, List<string> warnings)
    {
        string section = Normalize(entry.Section), name = Normalize(entry.Key);
        if (OptionCatalog.IsObsolete(name))
        {
            warnings.Add($"{entry.Source}: [{section}] {name} is obsolete (the pjsua and PulseAudio back-ends were replaced by JACK) and is ignored");
            return;
        }
        if (!OptionCatalog.Sections.Contains(section))
        {
            warnings.Add($"{entry.Source}: unknown section [{entry.Section}]; {entry.Key} is ignored");
            return;
        }
        OptionSpec? spec = OptionCatalog.Find(section, name);
        if (spec is null)
        {
            warnings.Add($"{entry.Source}: unknown option [{section}] {entry.Key} is ignored");
            return;
        }
        values[spec] = new ResolvedValue(Parse(spec, entry.Value, entry.Source), entry.Source);
    }

    private static object Parse(OptionSpec spec, string text, ConfigSource source)
    {
        if (!spec.Type.TryParse(text, out object value, out string error))
            throw new ConfigException(source, spec.Section, spec.Name, error);
        return value;
    }
}
