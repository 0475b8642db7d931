namespace PagingServer.Configuration;

/// <summary>Where a value came from: a file and line, the command line, or the built-in default.</summary>
internal readonly record struct ConfigSource(string File, int Line)
{
    public static readonly ConfigSource Default = new("default", 0);

    public static ConfigSource CommandLine(string flag) => new($"command line ({flag})", 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}

/// <summary>One `key = value` as read from a file, before it is checked against the catalog.</summary>
/// <param name="Section">Section name as written (matching is case-insensitive).</param>
/// <param name="Key">Option name as written.</param>
/// <param name="Value">Raw text; for TOML the scalar's text form.</param>
internal sealed record ConfigEntry(string Section, string Key, string Value, ConfigSource Source);

/// <summary>A configuration problem that stops start-up (exit 78); it names file, line, section and option.</summary>
internal sealed class ConfigException(ConfigSource source, string? section, string? option, string message)
    : Exception(Describe(source, section, option, message))
{
    public ConfigSource Where { get; } = source;

    public string? Section { get; } = section;

    public string? Option { get; } = option;

    private static string Describe(ConfigSource source, string? section, string? option, string message)
    {
        string where = source.ToString();
        if (section is not null)
            where += $": [{section}]";
        if (option is not null)
            where += $" {option}";
        return $"{where}: {message}";
    }
}
