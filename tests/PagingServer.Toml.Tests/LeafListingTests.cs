namespace PagingServer.Toml.Tests;

/// <summary>The flat listing "path = value  # line" that `paging --dump-conf` prints.</summary>
public sealed class LeafListingTests
{
    [Fact]
    public void Leaves_list_every_value_with_its_dotted_path_and_line()
    {
        var result = TomlReader.Parse("""
            debug = false
            [sip]
            port = 5060
            "odd key".x = 'y'
            [[calls.rule]]
            match = "1*"
            [[calls.rule]]
            match = "2*"
            codecs = ["opus"]
            """);
        Assert.True(result.Success, result.ToString());
        var listing = result.Root.EnumerateLeaves().Select(l => $"{l.Path} = {l.Value}  # {l.Value.Line}");
        Assert.Equal(
            [
                "debug = false  # 1",
                "sip.port = 5060  # 3",
                "sip.\"odd key\".x = \"y\"  # 4",
                "calls.rule[0].match = \"1*\"  # 6",
                "calls.rule[1].match = \"2*\"  # 8",
                "calls.rule[1].codecs = [\"opus\"]  # 9",
            ],
            listing);
    }
}
