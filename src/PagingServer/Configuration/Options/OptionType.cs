using System.Globalization;

namespace PagingServer.Configuration.Options;

/// <summary>How an option's text is parsed, checked and written back.</summary>
internal abstract class OptionType
{
    /// <summary>Short name shown in the example config and --dump-conf-defaults ("seconds").</summary>
    public abstract string Describe { get; }

    /// <summary>Parses the text form as read from INI or TOML; the error says what was expected.</summary>
    public abstract bool TryParse(string text, out object value, out string error);

    /// <summary>The canonical text form, the one the dumps print and the parser reads back.</summary>
    public abstract string Format(object value);

    /// <summary>Whether TOML should write the value bare (number, boolean) rather than quoted.</summary>
    public virtual bool TomlBare => false;

    protected static string Invariant(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>Typed face of <see cref="OptionType"/>, so the options object reads values without casts at call sites.</summary>
internal abstract class OptionType<T> : OptionType where T : notnull
{
    public abstract bool TryParse(string text, out T value, out string error);

    public abstract string Format(T value);

    public sealed override bool TryParse(string text, out object value, out string error)
    {
        bool ok = TryParse(text, out T typed, out error);
        value = typed;
        return ok;
    }

    public sealed override string Format(object value) => Format((T)value);
}
