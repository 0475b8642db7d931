using PagingServer.Configuration.Options;

namespace PagingServer.Configuration;

/// <summary>A checked value of one option and where it was set.</summary>
internal readonly record struct ResolvedValue(object Value, ConfigSource Source);

/// <summary>
/// Every option of the catalog with its checked value and source, after all files and flags.
/// Built once by <see cref="ConfigLoader"/>; the typed <see cref="PagingOptions"/> and the
/// dumps are read from it.
/// </summary>
internal sealed class ResolvedConfig
{
    private readonly Dictionary<OptionSpec, ResolvedValue> values;

    public ResolvedConfig(Dictionary<OptionSpec, ResolvedValue> values, IReadOnlyList<string> filesRead, IReadOnlyList<string> warnings)
    {
        foreach (OptionSpec spec in OptionCatalog.All)
        {
            if (!values.ContainsKey(spec))
                throw new ArgumentException($"no value for {spec}", nameof(values));
        }
        this.values = values;
        FilesRead = filesRead;
        Warnings = warnings;
    }

    public IReadOnlyList<string> FilesRead { get; }

    /// <summary>Problems that do not stop start-up (unknown or obsolete options), with file and line.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public T Get<T>(OptionSpec<T> spec) where T : notnull => (T)values[spec].Value;

    public ResolvedValue this[OptionSpec spec] => values[spec];

    /// <summary>The configuration with nothing but the defaults, as --dump-conf-defaults shows it.</summary>
    public static ResolvedConfig Defaults()
    {
        var values = new Dictionary<OptionSpec, ResolvedValue>();
        foreach (OptionSpec spec in OptionCatalog.All)
            values[spec] = new ResolvedValue(ParseDefault(spec), ConfigSource.Default);
        return new ResolvedConfig(values, [], []);
    }

    internal static object ParseDefault(OptionSpec spec)
    {
        if (!spec.Type.TryParse(spec.DefaultText, out object value, out string error))
            throw new InvalidOperationException($"default of {spec} does not parse: {error}");
        return value;
    }
}
