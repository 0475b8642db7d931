using PagingServer.Configuration;

namespace PagingServer.Tests.Configuration;

public class IniReaderTests
{
    private static List<ConfigEntry> Read(string text) => IniReader.Read(text, "test.conf");

    [Fact]
    public void Reads_equals_and_colon_separated_options_with_their_lines()
    {
        var entries = Read("[sip]\ndomain = pbx.example.com\nuser: 100\n");

        Assert.Equal(2, entries.Count);
        Assert.Equal(("sip", "domain", "pbx.example.com", 2), (entries[0].Section, entries[0].Key, entries[0].Value, entries[0].Source.Line));
        Assert.Equal(("sip", "user", "100", 3), (entries[1].Section, entries[1].Key, entries[1].Value, entries[1].Source.Line));
    }

    [Fact]
    public void Skips_whole_line_comments_of_both_kinds_but_keeps_semicolons_inside_values()
    {
        var entries = Read("; comment\n# another\n[audio]\n  ; indented comment\njack-music-links = a---b;c\n");

        var entry = Assert.Single(entries);
        Assert.Equal("a---b;c", entry.Value);
    }

    [Fact]
    public void Joins_indented_continuation_lines_like_configparser()
    {
        var entries = Read("[audio]\njack-music-links = left---left\n    right---right\nklaxon = x.wav\n");

        Assert.Equal("left---left\nright---right", entries[0].Value);
        Assert.Equal("x.wav", entries[1].Value);
    }

    [Fact]
    public void Turns_double_percent_into_one()
    {
        var entry = Assert.Single(Read("[sip]\npass = 100%%sure\n"));

        Assert.Equal("100%sure", entry.Value);
    }

    [Fact]
    public void Rejects_a_lone_percent_naming_line_section_and_option()
    {
        var error = Assert.Throws<ConfigException>(() => Read("[sip]\n\npass = 100%sure\n"));

        Assert.Equal(3, error.Where.Line);
        Assert.Equal("sip", error.Section);
        Assert.Equal("pass", error.Option);
        Assert.Contains("test.conf:3", error.Message);
    }

    [Fact]
    public void Rejects_an_option_before_any_section()
    {
        var error = Assert.Throws<ConfigException>(() => Read("domain = x\n"));

        Assert.Equal(1, error.Where.Line);
        Assert.Contains("before any [section]", error.Message);
    }

    [Fact]
    public void Rejects_a_line_that_is_neither_section_nor_option()
    {
        var error = Assert.Throws<ConfigException>(() => Read("[sip]\njust some words\n"));

        Assert.Equal(2, error.Where.Line);
    }

    [Fact]
    public void Accepts_crlf_line_ends_and_a_byte_order_mark()
    {
        var entries = Read("\uFEFF[sip]\r\ndomain = a\r\n");

        Assert.Equal("a", Assert.Single(entries).Value);
    }
}
