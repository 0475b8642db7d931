namespace PagingServer.Toml.Tests;

/// <summary>Errors name the line and column of the offending character and say what is wrong.</summary>
public sealed class ErrorMessageTests
{
    [Theory]
    [InlineData("[sip]\nport = 5060\nport = 5061", "line 3, column 1: duplicate key 'port' in table [sip] (first defined on line 2)")]
    [InlineData("[sip]\n  user.name = 'a'\n  user.name = 'b'", "line 3, column 3: duplicate key 'user.name' in table [sip] (first defined on line 2)")]
    [InlineData("[sip]\na = 1\n[sip]", "line 3, column 2: table [sip] is defined twice (line 1)")]
    [InlineData("a = { b = 1 }\n[a.c]", "line 2, column 2: inline table 'a' (line 1) cannot be extended")]
    [InlineData("[a.b]\nx = 1\n[a]\nb.y = 2", "line 4, column 1: cannot add to table [a.b] (defined on line 1) with a dotted key")]
    [InlineData("x = 1\nport = 50x60", "line 2, column 8: invalid number '50x60': unexpected 'x'")]
    [InlineData("x = 1 2", "line 1, column 7: unexpected '2'; expected a newline or a comment")]
    [InlineData("[calls]\nrule = { m = 1, m = 2 }", "line 2, column 17: duplicate key 'm' in table [calls.rule] (first defined on line 2)")]
    [InlineData("port = 0x", "line 1, column 8: invalid number '0x': expected a digit")]
    [InlineData("n = 9223372036854775808", "line 1, column 5: integer '9223372036854775808' is out of range for a 64-bit signed integer")]
    [InlineData("name = \"abc", "line 1, column 12: unterminated basic string: a newline or the end of file came before the closing quote")]
    [InlineData("s = \"a\\qb\"", "line 1, column 7: invalid escape '\\q' (TOML 1.0.0 has \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX)")]
    [InlineData("d = 2024-02-30", "line 1, column 5: invalid date/time '2024-02-30': day out of range for the month")]
    [InlineData("key =\nvalue = 1", "line 1, column 6: expected a value on the same line as the key")]
    [InlineData("a = [1, 2", "line 1, column 10: expected ',' or ']' in array, found end of file")]
    [InlineData("t = {a = 1,\n b = 2}", "line 1, column 12: newline inside an inline table (TOML 1.0.0 inline tables are one line)")]
    [InlineData("[[a]]\n[a]", "line 2, column 2: table [a] was already defined as an array of tables (line 1)")]
    [InlineData("enabled = True", "line 1, column 11: expected a value, found 'T'")]
    public void An_error_reports_its_line_column_and_a_readable_reason(string toml, string expected)
    {
        var result = TomlReader.Parse(toml);
        Assert.False(result.Success);
        Assert.Equal(expected, result.Error.ToString());
        Assert.Equal(expected, $"line {result.Error.Line}, column {result.Error.Column}: {result.Error.Message}");
    }

    [Fact]
    public void Columns_count_characters_not_utf16_units_or_bytes()
    {
        // 'é' is two UTF-8 bytes, the emoji two UTF-16 units: each is one column.
        var result = TomlReader.Parse("s = 'é😀' x"u8);
        Assert.False(result.Success);
        Assert.Equal((1, 10), (result.Error.Line, result.Error.Column));
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_the_first_bad_byte()
    {
        byte[] bytes = [.. "a = 1\nb = \"x"u8, 0xC3, 0x28, .. "\"\n"u8];
        var result = TomlReader.Parse(bytes);
        Assert.False(result.Success);
        Assert.Equal("line 2, column 7: invalid UTF-8 byte sequence", result.Error.ToString());
    }

    [Fact]
    public void An_unpaired_surrogate_in_text_is_rejected_with_its_position()
    {
        var result = TomlReader.Parse("a = 'x\uD800'");
        Assert.False(result.Success);
        Assert.Equal((1, 7), (result.Error.Line, result.Error.Column));
        Assert.Contains("surrogate", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_arrays_are_rejected_without_exhausting_the_stack()
    {
        var result = TomlReader.Parse("a = " + new string('[', 100_000));
        Assert.False(result.Success);
        Assert.Contains("nested deeper than", result.Error.Message, StringComparison.Ordinal);
    }
}
