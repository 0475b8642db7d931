namespace PagingServer.Toml;

/// <summary>A value that is not a table, with its dotted path from the table it was found under.</summary>
/// <param name="Path">Keys joined with '.', quoted where not bare; array-of-tables elements as <c>[i]</c>, e.g. <c>calls.rule[1].match</c>.</param>
/// <param name="Value">The scalar or static array; <see cref="TomlValue.Line"/> tells where it was defined.</param>
public readonly record struct TomlLeaf(string Path, TomlValue Value);

/// <summary>Flattening, for listings such as "key = value  # from FILE:LINE".</summary>
public sealed partial class TomlTable
{
    /// <summary>
    /// Every scalar and static array under this table, depth first in definition order. Sub-tables
    /// and arrays of tables are walked into; a static array is one leaf.
    /// </summary>
    public IEnumerable<TomlLeaf> EnumerateLeaves() => Leaves(this, string.Empty);

    private static IEnumerable<TomlLeaf> Leaves(TomlTable table, string prefix)
    {
        foreach (var (key, value) in table)
        {
            string path = prefix.Length == 0 ? TomlKey.Format(key) : prefix + "." + TomlKey.Format(key);
            var nested = value switch
            {
                TomlTable sub => Leaves(sub, path),
                TomlArray { IsArrayOfTables: true } tables =>
                    tables.SelectMany((element, i) => Leaves((TomlTable)element, $"{path}[{i}]")),
                _ => [new TomlLeaf(path, value)],
            };
            foreach (var leaf in nested)
            {
                yield return leaf;
            }
        }
    }
}
