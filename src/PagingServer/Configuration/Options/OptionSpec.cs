namespace PagingServer.Configuration.Options;

/// <summary>
/// One configuration option: where it lives, its type and unit, its default and what it does.
/// The catalog of these is the single source for parsing, validation, the dumps and the
/// example config.
/// </summary>
internal abstract class OptionSpec(string section, string name, string defaultText, string description)
{
    public string Section { get; } = section;

    public string Name { get; } = name;

    /// <summary>The default in the option's text form; it must parse (a test checks every one).</summary>
    public string DefaultText { get; } = defaultText;

    public string Description { get; } = description;

    public abstract OptionType Type { get; }

    public bool IsSecret => Type is SecretType;

    public string Key => $"{Section}.{Name}";

    public override string ToString() => $"[{Section}] {Name}";
}

/// <summary>A typed option, read back from the resolved configuration without a cast.</summary>
internal sealed class OptionSpec<T>(string section, string name, OptionType<T> type, string defaultText, string description)
    : OptionSpec(section, name, defaultText, description) where T : notnull
{
    public OptionType<T> TypedType { get; } = type;

    public override OptionType Type => TypedType;
}
