using PagingServer.Image.Tests.Layer;
using PagingServer.Image.Tests.SyntaxGate;

namespace PagingServer.Image.Tests;

public class SyntaxGateTests(BitbakeGrammar grammar) : IClassFixture<BitbakeGrammar>
{
    [Fact]
    public void Every_recipe_append_and_conf_file_parses_with_the_bitbake_grammar()
    {
        LayerTree layer = LayerTree.Real;
        var files = layer.BitbakeSyntaxFiles().Select(layer.PathOf).ToList();
        Assert.True(files.Count >= 10, $"only {files.Count} BitBake files found");
        ProcessRun run = grammar.Check(files);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(files.Count, run.Stdout.Split('\n').Count(l => l.StartsWith("parsed ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Syntax_gate_fails_on_an_unclosed_quote_and_names_the_file_and_line()
    {
        using LayerCopy copy = new LayerCopy().Edit("recipes-paging/paging-system/paging-system.bb", "LICENSE = \"MIT\"", "LICENSE = \"MIT");
        ProcessRun run = grammar.Check([copy.Tree.PathOf("recipes-paging/paging-system/paging-system.bb")]);
        Assert.NotEqual(0, run.ExitCode);
        // The grammar reports where the parse breaks: the line after the open quote.
        Assert.Matches(@"paging-system\.bb:[23]:\d+: syntax error", run.Stdout);
    }

    [Fact]
    public void Syntax_gate_fails_on_a_statement_that_is_not_bitbake()
    {
        using LayerCopy copy = new LayerCopy().Edit("recipes-multimedia/mpd/mpd_%.bbappend", "PACKAGECONFIG:append = \" jack\"", "PACKAGECONFIG append jack");
        ProcessRun run = grammar.Check([copy.Tree.PathOf("recipes-multimedia/mpd/mpd_%.bbappend")]);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("syntax error", run.Stdout, StringComparison.Ordinal);
    }
}

public class StatementRulesTests
{
    [Fact]
    public void Every_statement_is_an_assignment_function_inherit_or_directive()
    {
        Assert.Empty(LayerChecks.Statements(LayerTree.Real));
    }

    [Fact]
    public void Statement_rules_fail_on_a_bare_word_line_and_on_old_override_syntax()
    {
        using LayerCopy copy = new LayerCopy()
            .Edit("recipes-multimedia/mpd/mpd_%.bbappend", "PACKAGECONFIG:append = \" jack\"", "PACKAGECONFIG append jack")
            .Edit("recipes-multimedia/jack/jack_%.bbappend", "FILES:jack-server +=", "FILES_jack-server_append =");
        List<string> problems = LayerChecks.Statements(copy.Tree);
        Assert.Contains(problems, p => p.Contains("'PACKAGECONFIG append jack'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("old override syntax", StringComparison.Ordinal));
    }
}
