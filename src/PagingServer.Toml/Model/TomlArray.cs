using System.Collections;

namespace PagingServer.Toml;

/// <summary>A TOML array; elements may be of mixed types (TOML 1.0.0).</summary>
public sealed class TomlArray : TomlValue, IReadOnlyList<TomlValue>
{
    private readonly List<TomlValue> _items = [];

    internal TomlArray(bool isArrayOfTables, int line) : base(line) => IsArrayOfTables = isArrayOfTables;

    /// <inheritdoc/>
    public override TomlValueKind Kind => TomlValueKind.Array;

    /// <summary>True when built by <c>[[header]]</c> sections, false for a <c>[ ... ]</c> literal.</summary>
    public bool IsArrayOfTables { get; }

    /// <summary>Number of elements.</summary>
    public int Count => _items.Count;

    /// <summary>The element at <paramref name="index"/>.</summary>
    public TomlValue this[int index] => _items[index];

    /// <summary>Enumerates the elements in order.</summary>
    public IEnumerator<TomlValue> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A TOML array literal of the elements.</summary>
    public override string ToString() => "[" + string.Join(", ", _items) + "]";

    internal void Add(TomlValue value) => _items.Add(value);
}
