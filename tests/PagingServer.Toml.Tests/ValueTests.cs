namespace PagingServer.Toml.Tests;

/// <summary>The document model: kinds, values, display text and table order.</summary>
public sealed class ValueTests
{
    private static TomlValue Value(string toml)
    {
        var result = TomlReader.Parse("v = " + toml);
        Assert.True(result.Success, result.ToString());
        return result.Root["v"];
    }

    [Theory]
    [InlineData("\"a\\tb\"", TomlValueKind.String, "\"a\\tb\"")]
    [InlineData("'C:\\path'", TomlValueKind.String, "\"C:\\\\path\"")]
    [InlineData("0xff", TomlValueKind.Integer, "255")]
    [InlineData("-9_223_372_036_854_775_808", TomlValueKind.Integer, "-9223372036854775808")]
    [InlineData("0b1010", TomlValueKind.Integer, "10")]
    [InlineData("0o777", TomlValueKind.Integer, "511")]
    [InlineData("3", TomlValueKind.Integer, "3")]
    [InlineData("3.0", TomlValueKind.Float, "3.0")]
    [InlineData("1e3", TomlValueKind.Float, "1000.0")]
    [InlineData("-0.5", TomlValueKind.Float, "-0.5")]
    [InlineData("-inf", TomlValueKind.Float, "-inf")]
    [InlineData("+nan", TomlValueKind.Float, "nan")]
    [InlineData("true", TomlValueKind.Boolean, "true")]
    [InlineData("1979-05-27 07:32:00.999999-07:00", TomlValueKind.OffsetDateTime, "1979-05-27 07:32:00.999999-07:00")]
    [InlineData("1979-05-27T07:32:00", TomlValueKind.LocalDateTime, "1979-05-27T07:32:00")]
    [InlineData("1979-05-27", TomlValueKind.LocalDate, "1979-05-27")]
    [InlineData("07:32:00.5", TomlValueKind.LocalTime, "07:32:00.5")]
    [InlineData("[1, 'a', [true]]", TomlValueKind.Array, "[1, \"a\", [true]]")]
    [InlineData("{ a = 1, \"b c\" = 'x' }", TomlValueKind.Table, "{ a = 1, \"b c\" = \"x\" }")]
    public void A_value_has_its_kind_and_a_toml_literal_display_text(string toml, TomlValueKind kind, string display)
    {
        var value = Value(toml);
        Assert.Equal(kind, value.Kind);
        Assert.Equal(display, value.ToString());
        Assert.Equal(kind is not (TomlValueKind.Array or TomlValueKind.Table), value.IsScalar);
    }

    [Theory]
    [InlineData("\"tab\\there \\\"q\\\" \\u00e9 \\U0001F600\"")]
    [InlineData("0.1")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("5e-324")]
    [InlineData("[\"\\u0001\", -0.0, inf]")]
    [InlineData("{ a.b = 1, c = [{ d = 'x' }], e = {} }")]
    public void Display_text_reads_back_to_the_same_value(string toml)
    {
        var value = Value(toml);
        var again = Value(value.ToString()!);
        Assert.Equal(value.ToString(), again.ToString());
        if (value is TomlFloat f)
        {
            Assert.Equal(f.Value, ((TomlFloat)again).Value);
        }
    }

    [Fact]
    public void Date_times_expose_components_and_keep_their_source_text()
    {
        var dt = Assert.IsType<TomlDateTime>(Value("1979-05-27t00:32:00.1234567891z"));
        Assert.Equal((1979, 5, 27, 0, 32, 0), (dt.Year, dt.Month, dt.Day, dt.Hour, dt.Minute, dt.Second));
        Assert.Equal("1234567891", dt.Fraction);
        Assert.Equal(0, dt.OffsetMinutes);
        Assert.Equal("1979-05-27t00:32:00.1234567891z", dt.Text);
        Assert.Equal("1979-05-27T00:32:00.1234567891Z", dt.ToCanonicalString());
        Assert.True(dt.TryGetDateTimeOffset(out var dto));
        Assert.Equal(new DateTimeOffset(1979, 5, 27, 0, 32, 0, TimeSpan.Zero).AddTicks(1234567), dto);

        var local = Assert.IsType<TomlDateTime>(Value("07:32:00"));
        Assert.False(local.HasDate);
        Assert.Null(local.OffsetMinutes);
        Assert.False(local.TryGetDateTimeOffset(out _));
        Assert.Equal(new TimeOnly(7, 32), local.Time);

        var offset = Assert.IsType<TomlDateTime>(Value("2000-01-01 00:00:00-23:59"));
        Assert.Equal(-(23 * 60) - 59, offset.OffsetMinutes);
        Assert.False(offset.TryGetDateTimeOffset(out _));
    }

    [Theory]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+00:01")]
    [InlineData("9999-12-31T23:59:59-00:01")]
    [InlineData("2016-12-31T23:59:60Z")]
    public void Date_times_outside_what_dotnet_holds_parse_and_refuse_conversion_without_throwing(string toml)
    {
        var dt = Assert.IsType<TomlDateTime>(Value(toml));
        Assert.False(dt.TryGetDateTimeOffset(out _));
        Assert.Equal(toml, dt.ToString());
        _ = dt.Date;
        _ = dt.Time;
    }

    [Fact]
    public void Tables_keep_keys_in_definition_order_and_offer_typed_lookups()
    {
        var result = TomlReader.Parse("z = 1\na = 'x'\n[m]\nk = true");
        Assert.True(result.Success, result.ToString());
        var root = result.Root;
        Assert.Equal(["z", "a", "m"], root.Keys);
        Assert.Equal(["z", "a", "m"], root.Select(kv => kv.Key));
        Assert.Equal("a", root[1].Key);
        Assert.True(root.TryGet<TomlString>("a", out var a));
        Assert.Equal("x", a.Value);
        Assert.False(root.TryGet<TomlInteger>("a", out _));
        Assert.False(root.TryGetValue("missing", out _));
        Assert.Throws<KeyNotFoundException>(() => root["missing"]);
        Assert.True(root.TryGet<TomlTable>("m", out var m));
        Assert.False(m.IsInline);
        Assert.Equal("{ k = true }", m.ToString());
        Assert.Equal("{ z = 1, a = \"x\", m = { k = true } }", root.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n# only a comment\n")]
    [InlineData("\uFEFF")]
    public void An_empty_document_is_an_empty_table(string toml)
    {
        var result = TomlReader.Parse(toml);
        Assert.True(result.Success, result.ToString());
        Assert.Empty(result.Root);
        Assert.Null(result.Error);
    }
}
