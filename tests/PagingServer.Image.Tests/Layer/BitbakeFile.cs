using System.Text.RegularExpressions;

namespace PagingServer.Image.Tests.Layer;

/// <summary>One variable assignment of a recipe or configuration file (BitBake manual,
/// "Syntax and Operators"): <c>NAME[:override...][[flag]] OP "value"</c>.</summary>
internal sealed record Assignment(string Name, string? Flag, string Op, string Value, int Line)
{
    /// <summary>The name before any override (<c>PAGING_RID:x86-64</c> gives <c>PAGING_RID</c>).</summary>
    public string BaseName => Name.Split(':')[0];
}

/// <summary>A shell or python function body, kept for checks that read what a task does.</summary>
internal sealed record BitbakeFunction(string Name, bool IsPython, string Body, int Line);

/// <summary>
/// A rules-level reading of a BitBake file: enough to find assignments, functions, inherits
/// and includes. The syntax gate (tree-sitter grammar) judges the syntax; this only extracts.
/// </summary>
internal sealed partial class BitbakeFile
{
    private BitbakeFile(string path, List<Assignment> assignments, List<BitbakeFunction> functions, List<string> inherits, List<string> statements)
    {
        Path = path;
        Assignments = assignments;
        Functions = functions;
        Inherits = inherits;
        OtherStatements = statements;
    }

    public string Path { get; }

    public IReadOnlyList<Assignment> Assignments { get; }

    public IReadOnlyList<BitbakeFunction> Functions { get; }

    public IReadOnlyList<string> Inherits { get; }

    /// <summary>include/require/addtask/export and other non-assignment statements, as written.</summary>
    public IReadOnlyList<string> OtherStatements { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    public static BitbakeFile Load(string path) => Parse(path, File.ReadAllText(path));

    public static BitbakeFile Parse(string path, string text)
    {
        var assignments = new List<Assignment>();
        var functions = new List<BitbakeFunction>();
        var inherits = new List<string>();
        var statements = new List<string>();
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int first = i;
            string line = lines[i];
            if (line.TrimStart().StartsWith('#') || line.Trim().Length == 0)
                continue;
            if (FunctionStart().Match(line) is { Success: true } fn)
            {
                var body = new List<string>();
                while (++i < lines.Length && lines[i] != "}")
                    body.Add(lines[i]);
                functions.Add(new BitbakeFunction(fn.Groups["name"].Value, fn.Groups["py"].Success, string.Join('\n', body), first + 1));
                continue;
            }
            while (line.EndsWith('\\') && i + 1 < lines.Length)
                line = line[..^1] + " " + lines[++i].Trim();
            if (AssignmentLine().Match(line) is { Success: true } m)
            {
                assignments.Add(new Assignment(
                    m.Groups["name"].Value, m.Groups["flag"].Success ? m.Groups["flag"].Value : null,
                    m.Groups["op"].Value, Collapse(m.Groups["value"].Value), first + 1));
            }
            else if (line.StartsWith("inherit ", StringComparison.Ordinal))
            {
                inherits.AddRange(line["inherit ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
            else
            {
                statements.Add(line.Trim());
            }
        }
        return new BitbakeFile(path, assignments, functions, inherits, statements);
    }

    /// <summary>All assignments to <paramref name="name"/> exactly (overrides included in the name).</summary>
    public IEnumerable<Assignment> All(string name) => Assignments.Where(a => a.Name == name && a.Flag is null);

    /// <summary>The value of the last plain assignment (=, ?=, ??=, :=) to the exact name, or null.</summary>
    public string? Value(string name) =>
        All(name).LastOrDefault(a => a.Op is "=" or "?=" or "??=" or ":=")?.Value;

    /// <summary>Every value given to the name, appends and prepends included, joined by spaces.</summary>
    public string Combined(string name) =>
        string.Join(' ', Assignments.Where(a => a.Flag is null && (a.Name == name || a.Name.StartsWith(name + ":append", StringComparison.Ordinal) || a.Name.StartsWith(name + ":prepend", StringComparison.Ordinal))).Select(a => a.Value));

    public BitbakeFunction? Function(string name) => Functions.FirstOrDefault(f => f.Name == name);

    private static string Collapse(string value) => Whitespace().Replace(value, " ").Trim();

    [GeneratedRegex("""^(?<name>[A-Za-z0-9_${}.+\-/~:]+?)(\[(?<flag>[A-Za-z0-9_\-.]+)\])?\s*(?<op>\?\?=|\?=|:=|\+=|=\+|\.=|=\.|=)\s*(?<q>["'])(?<value>.*)\k<q>\s*$""")]
    private static partial Regex AssignmentLine();

    [GeneratedRegex("""^(?<py>python\s+)?(fakeroot\s+)?(?<name>[A-Za-z0-9_\-.:${}]+)\s*\(\)\s*\{\s*$""")]
    private static partial Regex FunctionStart();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
