namespace PagingServer.Image.Tests.Layer;

internal static partial class LayerChecks
{
    /// <summary>Directives a BitBake file may hold besides assignments, functions and inherit
    /// (BitBake manual, "Syntax and Operators" and "Sharing Functionality").</summary>
    private static readonly string[] Directives =
        ["include ", "require ", "addtask ", "deltask ", "addhandler ", "export ", "unset ", "EXPORT_FUNCTIONS ", "inherit_defer ", "include_all ", "def "];

    /// <summary>
    /// The rules half of the syntax gate, beside the tree-sitter grammar: every statement is an
    /// assignment with a quoted value, a function, an inherit or a known directive, and
    /// every assignment names a variable the way BitBake reads names.
    /// </summary>
    public static List<string> Statements(LayerTree layer)
    {
        var problems = new List<string>();
        foreach (string relative in layer.BitbakeSyntaxFiles())
        {
            BitbakeFile file = layer.Bitbake(relative);
            foreach (string statement in file.OtherStatements)
            {
                if (!Directives.Any(d => statement.StartsWith(d, StringComparison.Ordinal)))
                    problems.Add($"{relative}: '{statement}' is not an assignment, function, inherit or directive");
            }
            foreach (Assignment a in file.Assignments.Where(a => a.Name.Contains("::", StringComparison.Ordinal) || a.Name.EndsWith(':')))
                problems.Add($"{relative}:{a.Line}: '{a.Name}' has an empty override");
            foreach (Assignment a in file.Assignments.Where(a => a.Name.Contains("_append", StringComparison.Ordinal) || a.Name.Contains("_prepend", StringComparison.Ordinal) || a.Name.Contains("_remove", StringComparison.Ordinal)))
                problems.Add($"{relative}:{a.Line}: '{a.Name}' uses the old override syntax (':append', not '_append')");
        }
        return problems;
    }
}
