namespace PagingServer.Toml;

/// <summary>Formatting of keys (toml.io v1.0.0 "Keys").</summary>
public static class TomlKey
{
    /// <summary>The key bare when it is a valid bare key, else as a quoted basic string.</summary>
    public static string Format(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length > 0 && key.AsSpan().IndexOfAnyExcept(BareKeyChars) < 0 ? key : TomlString.Quote(key);
    }

    /// <summary>Dotted path of keys, each formatted with <see cref="Format"/>.</summary>
    public static string FormatPath(IEnumerable<string> keys) => string.Join('.', keys.Select(Format));

    internal static bool IsBareKeyChar(char c) => BareKeyChars.Contains(c);

    private static readonly System.Buffers.SearchValues<char> BareKeyChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
}
