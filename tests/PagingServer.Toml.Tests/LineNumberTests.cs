namespace PagingServer.Toml.Tests;

/// <summary>The config loader prints "value  # from FILE:LINE": every value knows its line.</summary>
public sealed class LineNumberTests
{
    private const string Config = """
        # paging drop-in
        title = "paging"

        [sip]
        port = 5060
        user.name = "pager"
        description = '''
        first
        second'''
        realm = "example"

        [audio.klaxon]
        volume = 0.8
        codecs = [
          "opus",
          "pcmu",
        ]

        [[calls.rule]]
        match = "100"

        [[calls.rule]]
        match = "200"
        [audio]
        rate = 48000
        """;

    private static TomlTable Parse(string text)
    {
        var result = TomlReader.Parse(text);
        Assert.True(result.Success, result.ToString());
        return result.Root;
    }

    private static TomlTable Table(TomlTable t, string key) => Assert.IsType<TomlTable>(t[key]);

    [Fact]
    public void Keys_carry_the_line_they_are_defined_on()
    {
        var root = Parse(Config);
        var sip = Table(root, "sip");
        Assert.Equal(2, root["title"].Line);
        Assert.Equal(5, sip["port"].Line);
        Assert.Equal(7, sip["description"].Line);
        Assert.Equal(10, sip["realm"].Line);
        Assert.Equal(13, Table(Table(root, "audio"), "klaxon")["volume"].Line);
        Assert.Equal(25, Table(root, "audio")["rate"].Line);
    }

    [Fact]
    public void Tables_carry_the_line_of_their_header_or_dotted_key()
    {
        var root = Parse(Config);
        var sip = Table(root, "sip");
        Assert.Equal(4, sip.Line);
        Assert.Equal(6, sip["user"].Line);
        Assert.Equal(12, Table(Table(root, "audio"), "klaxon").Line);

        // [audio] was created implicitly by [audio.klaxon] and defined later by its own header.
        Assert.Equal(24, Table(root, "audio").Line);
    }

    [Fact]
    public void Array_elements_and_array_of_tables_elements_carry_their_own_line()
    {
        var root = Parse(Config);
        var codecs = Assert.IsType<TomlArray>(Table(Table(root, "audio"), "klaxon")["codecs"]);
        Assert.Equal(14, codecs.Line);
        Assert.Equal([15, 16], codecs.Select(v => v.Line));

        var rules = Assert.IsType<TomlArray>(Table(root, "calls")["rule"]);
        Assert.True(rules.IsArrayOfTables);
        Assert.Equal([19, 22], rules.Select(v => v.Line));
        Assert.Equal([20, 23], rules.Select(v => ((TomlTable)v)["match"].Line));
    }

    [Fact]
    public void Line_numbers_count_crlf_line_endings_once()
    {
        var root = Parse("a = 1\r\n\r\n[t]\r\nb = \"\"\"\r\nx\r\n\"\"\"\r\nc = 2\r\n");
        Assert.Equal(3, root["t"].Line);
        Assert.Equal(4, Table(root, "t")["b"].Line);
        Assert.Equal(7, Table(root, "t")["c"].Line);
    }

    [Fact]
    public void A_leading_byte_order_mark_does_not_shift_lines_or_columns()
    {
        var text = TomlReader.Parse("\uFEFFport = 1\nport = 2");
        Assert.Equal("line 2, column 1: duplicate key 'port' (first defined on line 1)", text.Error?.ToString());
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("\nport = 1\nport = 2"u8.ToArray()).ToArray();
        var result = TomlReader.Parse(bytes);
        Assert.False(result.Success);
        Assert.Equal("line 3, column 1: duplicate key 'port' (first defined on line 2)", result.Error.ToString());
    }
}
