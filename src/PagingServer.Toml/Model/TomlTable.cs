using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace PagingServer.Toml;

/// <summary>A TOML table: keys in the order they were defined.</summary>
public sealed partial class TomlTable : TomlValue, IReadOnlyList<KeyValuePair<string, TomlValue>>
{
    private readonly List<KeyValuePair<string, TomlValue>> _items = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    internal TomlTable(TableOrigin origin, int line) : base(line) => Origin = origin;

    /// <inheritdoc/>
    public override TomlValueKind Kind => TomlValueKind.Table;

    /// <summary>Number of keys.</summary>
    public int Count => _items.Count;

    /// <summary>The keys in definition order.</summary>
    public IEnumerable<string> Keys => _items.Select(static kv => kv.Key);

    /// <summary>True when the table was written inline (<c>{ ... }</c>).</summary>
    public bool IsInline => Origin == TableOrigin.Inline;

    /// <summary>How the table came to exist; drives the redefinition rules.</summary>
    internal TableOrigin Origin { get; set; }

    /// <summary>The key/value pair at <paramref name="index"/> in definition order.</summary>
    public KeyValuePair<string, TomlValue> this[int index] => _items[index];

    /// <summary>The value of <paramref name="key"/>; throws <see cref="KeyNotFoundException"/> if absent.</summary>
    public TomlValue this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no key '{key}'");

    /// <summary>Looks up a key (exact, case-sensitive, as TOML keys are).</summary>
    public bool TryGetValue(string key, [NotNullWhen(true)] out TomlValue? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index.TryGetValue(key, out int i))
        {
            value = _items[i].Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Looks up a key whose value has type <typeparamref name="T"/>.</summary>
    public bool TryGet<T>(string key, [NotNullWhen(true)] out T? value)
        where T : TomlValue
    {
        value = TryGetValue(key, out var v) ? v as T : null;
        return value is not null;
    }

    /// <summary>Whether the table has <paramref name="key"/>.</summary>
    public bool ContainsKey(string key) => _index.ContainsKey(key);

    /// <summary>Enumerates key/value pairs in definition order.</summary>
    public IEnumerator<KeyValuePair<string, TomlValue>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The table as a TOML inline-table literal, whatever way it was written.</summary>
    public override string ToString() => Count == 0
        ? "{}"
        : "{ " + string.Join(", ", _items.Select(static kv => TomlKey.Format(kv.Key) + " = " + kv.Value)) + " }";

    internal void Add(string key, TomlValue value)
    {
        _index.Add(key, _items.Count);
        _items.Add(new(key, value));
    }
}
