using System.Text.Json;

namespace PagingServer.Toml.Tests.Conformance;

/// <summary>The suite is only as good as its comparison: it must see real differences and forgive toml-test's.</summary>
public sealed class TaggedJsonComparerTests
{
    private static string? Diff(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        return TaggedJsonComparer.Difference(e.RootElement, a.RootElement);
    }

    private static string S(string type, string value) => $$"""{"type":"{{type}}","value":"{{value}}"}""";

    [Theory]
    [InlineData("float", "3.0e14", "300000000000000")]
    [InlineData("float", "-0", "-0")]
    [InlineData("float", "nan", "nan")]
    [InlineData("datetime", "1987-07-05T17:45:56.600Z", "1987-07-05T17:45:56.6Z")]
    [InlineData("datetime", "1987-07-05T17:45:56Z", "1987-07-05 17:45:56+00:00")]
    [InlineData("time-local", "10:32:00.000", "10:32:00")]
    public void Equal_values_written_differently_compare_equal(string type, string expected, string actual) =>
        Assert.Null(Diff(S(type, expected), S(type, actual)));

    [Theory]
    [InlineData("{\"a\":" + "{\"type\":\"integer\",\"value\":\"1\"}}", "{\"a\":" + "{\"type\":\"integer\",\"value\":\"2\"}}")]
    [InlineData("{\"a\":" + "{\"type\":\"integer\",\"value\":\"1\"}}", "{\"a\":" + "{\"type\":\"float\",\"value\":\"1\"}}")]
    [InlineData("{\"a\":" + "{\"type\":\"float\",\"value\":\"inf\"}}", "{\"a\":" + "{\"type\":\"float\",\"value\":\"-inf\"}}")]
    [InlineData("{\"a\":" + "{\"type\":\"string\",\"value\":\"x\"}}", "{\"b\":" + "{\"type\":\"string\",\"value\":\"x\"}}")]
    [InlineData("{\"a\":[]}", "{\"a\":[" + "{\"type\":\"bool\",\"value\":\"true\"}]}")]
    [InlineData("{\"a\":{}}", "{\"a\":[]}")]
    [InlineData("{\"a\":" + "{\"type\":\"datetime\",\"value\":\"1987-07-05T17:45:56Z\"}}", "{\"a\":" + "{\"type\":\"datetime\",\"value\":\"1987-07-05T17:45:56+01:00\"}}")]
    public void Different_documents_are_reported(string expected, string actual) =>
        Assert.NotNull(Diff(expected, actual));

    [Fact]
    public void Our_serialisation_of_a_document_matches_a_hand_written_expectation()
    {
        var result = TomlReader.Parse("a = 1\n[t]\nb = [1.5, 'x']\nd = 07:00:00");
        Assert.True(result.Success, result.ToString());
        string expected = "{\"a\":" + S("integer", "1") + ",\"t\":{\"b\":[" + S("float", "1.5") + "," + S("string", "x") + "],\"d\":" + S("time-local", "07:00:00") + "}}";
        Assert.Null(Diff(expected, TaggedJson.Serialize(result.Root)));
    }
}
