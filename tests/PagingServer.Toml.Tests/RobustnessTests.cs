namespace PagingServer.Toml.Tests;

/// <summary>Bad input of any shape is an error result, never an exception.</summary>
public sealed class RobustnessTests
{
    private const string Sample = """
        [sip]
        port = 5_060
        realm = "ex\u00e9mple"
        t = 1979-05-27T07:32:00Z
        list = [ 1, 2.5, 'x', { a = [ true ] } ]
        [[calls.rule]]
        m = '''multi
        line'''
        """;

    [Fact]
    public void Truncating_or_corrupting_a_document_never_throws()
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(Sample);
        var random = new Random(20261122);
        int rejected = 0;
        for (int n = 0; n <= bytes.Length; n++)
        {
            rejected += TomlReader.Parse(bytes.AsSpan(0, n)).Success ? 0 : 1;
        }

        for (int round = 0; round < 3000; round++)
        {
            byte[] copy = (byte[])bytes.Clone();
            for (int k = 0; k < 1 + (round % 4); k++)
            {
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
            }

            var result = TomlReader.Parse(copy);
            Assert.True(result.Success ^ (result.Error is not null));
            rejected += result.Success ? 0 : 1;
        }

        // Cutting inside strings or brackets must be caught: a reader that accepts everything fails here.
        Assert.True(rejected > 1000, $"only {rejected} corrupted documents were rejected");
    }

    [Fact]
    public void The_sample_itself_is_valid()
    {
        var result = TomlReader.Parse(Sample);
        Assert.True(result.Success, result.ToString());
    }
}
