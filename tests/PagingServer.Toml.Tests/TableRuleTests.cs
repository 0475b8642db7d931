namespace PagingServer.Toml.Tests;

/// <summary>
/// Redefinition rules of toml.io v1.0.0 ("Table", "Inline Table", "Array of Tables") in cases the
/// toml-test corpus does not spell out; the expected document is written as leaves.
/// </summary>
public sealed class TableRuleTests
{
    [Theory]
    [InlineData("[a]\nb.c = 1\n[a.b.d]\ne = 2", "a.b.c=1 a.b.d.e=2")]
    [InlineData("[a.b.c]\n[a]\nb.d = 1", "a.b.d=1")]
    [InlineData("[[a]]\n[a.b]\nx = 1\n[[a]]\n[a.b]\nx = 2", "a[0].b.x=1 a[1].b.x=2")]
    [InlineData("x = {a.b = 1, a.c = 2}", "x.a.b=1 x.a.c=2")]
    [InlineData("[a.b]\n[a]\nc = 1", "a.c=1")]
    [InlineData("a . \"b\" . 'c' = 1", "a.b.c=1")]
    [InlineData("s = \"\"\"a\\\"\"\"b\"\"\"", "s=\"a\\\"\\\"\\\"b\"")]
    [InlineData("s = '''a''''", "s=\"a'\"")]
    [InlineData("s = \"\"\"\\\n   \n  x\"\"\"", "s=\"x\"")]
    public void Valid_documents_define_what_they_say(string toml, string leaves)
    {
        var result = TomlReader.Parse(toml);
        Assert.True(result.Success, result.ToString());
        Assert.Equal(leaves, string.Join(' ', result.Root.EnumerateLeaves().Select(l => $"{l.Path}={l.Value}")));
    }

    [Theory]
    [InlineData("a.b = 1\n[a]", "table [a] was already defined by dotted keys")]
    [InlineData("[a.b.c]\n[a]\nb.d = 1\n[a.b]", "table [a.b] was already defined by dotted keys")]
    [InlineData("a = [{b = 1}]\n[a.c]", "'a' is already an array")]
    [InlineData("a = []\n[[a]]", "it is already an array")]
    [InlineData("x = {a.b = 1, a = 2}", "duplicate key 'a' in table [x]")]
    [InlineData("x = {a = {b = 1}, a.c = 2}", "inline table 'x.a' (line 1) cannot be extended")]
    [InlineData("[a]\nb = 1\n[a.b]", "table [a.b] was already defined as an integer")]
    [InlineData("[a]\nb = {}\n[a.b.c]", "inline table 'a.b' (line 2) cannot be extended")]
    [InlineData("[a.b]\n[a]\nb = 1", "duplicate key 'b' in table [a]")]
    [InlineData("x = 1e400", "out of range")]
    public void Invalid_documents_say_which_rule_they_break(string toml, string reason)
    {
        var result = TomlReader.Parse(toml);
        Assert.False(result.Success);
        Assert.Contains(reason, result.Error.Message, StringComparison.Ordinal);
    }
}
