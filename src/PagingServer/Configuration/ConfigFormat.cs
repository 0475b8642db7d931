using PagingServer.Configuration.Options;

namespace PagingServer.Configuration;

/// <summary>The two syntaxes paging reads and can write back: the original's INI and TOML.</summary>
internal enum ConfigFormat
{
    Ini,
    Toml,
}

/// <summary>Writes one `key = value` line in either syntax, escaped so the reader takes back the same text.</summary>
internal static class ConfigSyntax
{
    public static string CommentPrefix(ConfigFormat format) => format == ConfigFormat.Ini ? ";" : "#";

    public static string Assignment(ConfigFormat format, OptionSpec spec, string text)
        => $"{spec.Name} = {Literal(format, spec, text)}".TrimEnd();

    public static string Literal(ConfigFormat format, OptionSpec spec, string text)
    {
        if (format == ConfigFormat.Ini)
            return text.Replace("%", "%%", StringComparison.Ordinal);
        if (spec.Type is BoolType)
            return text == "yes" ? "true" : "false";
        if (spec.Type.TomlBare)
            return text;
        return PagingServer.Toml.TomlString.Quote(text);
    }
}
