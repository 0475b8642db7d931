namespace PagingServer.Toml.Parsing;

/// <summary>
/// Where keys and headers may define things (toml.io v1.0.0 "Table", "Inline Table",
/// "Array of Tables"): a table is defined once, by one header or by dotted keys; inline tables and
/// static arrays are closed; headers may pass through implicit and dotted tables, dotted keys only
/// through tables no header has defined.
/// </summary>
internal sealed partial class Parser
{
    private bool DefineKeyValue(TomlTable table, List<KeyPart> key, TomlValue value)
    {
        var t = table;
        for (int i = 0; i < key.Count - 1; i++)
        {
            var part = key[i];
            if (!t.TryGetValue(part.Name, out var existing))
            {
                var created = new TomlTable(TableOrigin.Dotted, value.Line);
                t.Add(part.Name, created);
                t = created;
                continue;
            }

            if (existing is not TomlTable next)
            {
                return Fail(part.Position, $"cannot use dotted key '{KeyPart.Path(key)}': '{AbsolutePath(key, i + 1)}' is already {Describe(existing)}");
            }

            switch (next.Origin)
            {
                case TableOrigin.Header:
                    return Fail(part.Position, $"cannot add to table [{AbsolutePath(key, i + 1)}] (defined on line {next.Line}) with a dotted key");
                case TableOrigin.Inline:
                    return Fail(part.Position, $"inline table '{AbsolutePath(key, i + 1)}' (line {next.Line}) cannot be extended");
                case TableOrigin.Implicit:
                    // From now on the table counts as defined by dotted keys: no header may define it.
                    next.Origin = TableOrigin.Dotted;
                    break;
            }

            t = next;
        }

        var last = key[^1];
        if (t.TryGetValue(last.Name, out var previous))
        {
            string where = _tablePath.Count == 0 ? string.Empty : $" in table [{TomlKey.FormatPath(_tablePath)}]";
            return Fail(key[0].Position, $"duplicate key '{KeyPart.Path(key)}'{where} (first defined on line {previous.Line})");
        }

        t.Add(last.Name, value);
        return true;
    }

    private bool DefineTable(TomlTable root, List<KeyPart> key, int line, out TomlTable table)
    {
        table = root;
        if (!WalkHeaderPath(ref table, key, line))
        {
            return false;
        }

        var last = key[^1];
        string path = KeyPart.Path(key);
        if (!table.TryGetValue(last.Name, out var existing))
        {
            var created = new TomlTable(TableOrigin.Header, line);
            table.Add(last.Name, created);
            table = created;
            return true;
        }

        if (existing is TomlTable { Origin: TableOrigin.Implicit } implicitTable)
        {
            implicitTable.Origin = TableOrigin.Header;
            implicitTable.Line = line;
            table = implicitTable;
            return true;
        }

        string why = existing switch
        {
            TomlTable { Origin: TableOrigin.Header } => "is defined twice",
            TomlTable { Origin: TableOrigin.Dotted } => "was already defined by dotted keys",
            TomlTable => "was already defined as an inline table",
            TomlArray { IsArrayOfTables: true } => "was already defined as an array of tables",
            _ => $"was already defined as {Describe(existing)}",
        };
        return Fail(last.Position, $"table [{path}] {why} (line {existing.Line})");
    }

    private bool DefineArrayOfTablesElement(TomlTable root, List<KeyPart> key, int line, out TomlTable table)
    {
        table = root;
        if (!WalkHeaderPath(ref table, key, line))
        {
            return false;
        }

        var last = key[^1];
        var element = new TomlTable(TableOrigin.Header, line);
        if (!table.TryGetValue(last.Name, out var existing))
        {
            var array = new TomlArray(isArrayOfTables: true, line);
            table.Add(last.Name, array);
            existing = array;
        }

        if (existing is not TomlArray { IsArrayOfTables: true } tables)
        {
            return Fail(last.Position, $"cannot define array of tables [[{KeyPart.Path(key)}]]: it is already {Describe(existing)} (line {existing.Line})");
        }

        tables.Add(element);
        table = element;
        return true;
    }

    /// <summary>Walks all but the last part of a header key, creating implicit tables.</summary>
    private bool WalkHeaderPath(ref TomlTable table, List<KeyPart> key, int line)
    {
        for (int i = 0; i < key.Count - 1; i++)
        {
            var part = key[i];
            if (!table.TryGetValue(part.Name, out var existing))
            {
                var created = new TomlTable(TableOrigin.Implicit, line);
                table.Add(part.Name, created);
                table = created;
                continue;
            }

            string path = KeyPart.Path(key, i + 1);
            switch (existing)
            {
                case TomlTable { Origin: TableOrigin.Inline }:
                    return Fail(part.Position, $"inline table '{path}' (line {existing.Line}) cannot be extended");
                case TomlTable next:
                    table = next;
                    break;
                case TomlArray { IsArrayOfTables: true } tables:
                    // [a.b] after [[a]] refers to the last table appended to a.
                    table = (TomlTable)tables[^1];
                    break;
                default:
                    return Fail(part.Position, $"cannot define table [{KeyPart.Path(key)}]: '{path}' is already {Describe(existing)} (line {existing.Line})");
            }
        }

        return true;
    }

    /// <summary>The dotted path from the root: the enclosing table's path, then the first <paramref name="count"/> parts.</summary>
    private string AbsolutePath(List<KeyPart> key, int count) =>
        TomlKey.FormatPath(_tablePath.Concat(key.Take(count).Select(static k => k.Name)));

    private static string Describe(TomlValue value) => value switch
    {
        TomlArray => "an array",
        TomlTable => "a table",
        TomlInteger => "an integer",
        TomlString => "a string",
        TomlFloat => "a float",
        TomlBoolean => "a boolean",
        _ => "a date/time",
    };
}
