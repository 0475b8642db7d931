using System.Diagnostics.CodeAnalysis;

namespace PagingServer.Toml;

/// <summary>The outcome of <see cref="TomlReader.Parse(string)"/>: a document or an error.</summary>
public sealed class TomlParseResult
{
    private TomlParseResult(TomlTable? root, TomlError? error)
    {
        Root = root;
        Error = error;
    }

    /// <summary>True when the document is valid TOML 1.0.0.</summary>
    [MemberNotNullWhen(true, nameof(Root))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Root is not null;

    /// <summary>The root table when <see cref="Success"/>.</summary>
    public TomlTable? Root { get; }

    /// <summary>The first error when not <see cref="Success"/>.</summary>
    public TomlError? Error { get; }

    internal static TomlParseResult Ok(TomlTable root) => new(root, null);

    internal static TomlParseResult Fail(TomlError error) => new(null, error);

    /// <summary>"ok" or the error text.</summary>
    public override string ToString() => Success ? "ok" : Error.ToString();
}
