using PagingServer.Configuration;
using PagingServer.Configuration.Options;

namespace PagingServer.Tests.Configuration;

public class OptionCatalogTests
{
    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        foreach (var spec in OptionCatalog.All)
            data.Add(spec.Key);
        return data;
    }

    private static OptionSpec Spec(string key) => OptionCatalog.All.Single(s => s.Key == key);

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_option_has_a_default_that_parses_and_a_description_and_unit(string key)
    {
        var spec = Spec(key);

        Assert.True(spec.Type.TryParse(spec.DefaultText, out object value, out string error), error);
        Assert.Equal(spec.DefaultText, spec.Type.Format(value));
        Assert.False(string.IsNullOrWhiteSpace(spec.Description));
        Assert.False(string.IsNullOrWhiteSpace(spec.Type.Describe));
        Assert.Equal(ConfigLoader.Normalize(spec.Name), spec.Name);
    }

    [Fact]
    public void Option_names_are_unique_within_their_section()
    {
        Assert.Equal(OptionCatalog.All.Count, OptionCatalog.All.Select(s => s.Key).Distinct().Count());
    }

    [Fact]
    public void The_originals_defaults_are_kept()
    {
        var defaults = PagingOptions.From(ResolvedConfig.Defaults());

        Assert.True(defaults.Sip.ListenOnly);
        Assert.Equal(TimeSpan.FromSeconds(10), defaults.Audio.KlaxonMaxLength);
        Assert.Equal(TimeSpan.Zero, defaults.Audio.KlaxonPadding);
        Assert.True(defaults.Audio.JackAutostart);
        Assert.Equal("paging", defaults.Audio.JackClientName);
        Assert.Empty(defaults.Audio.JackOutputPorts.Items);
        Assert.Equal(@"^mpd\.paging:(.*)$", defaults.Audio.JackMusicClientName.ToString());
        Assert.Equal("left---(left|playback_1) right---(right|playback_2)", string.Join(' ', defaults.Audio.JackMusicLinks));
        Assert.Null(defaults.Audio.VolumeMusicPercent);
        Assert.Equal(TimeSpan.FromSeconds(3), defaults.Audio.MusicFadeOutDuration);
        Assert.Equal(TimeSpan.FromSeconds(10), defaults.Audio.MusicFadeInDuration);
        Assert.Equal(TimeSpan.FromMinutes(5), defaults.Calls.HangUpAfter);
        Assert.False(defaults.Calls.HoldConcurrent);
        Assert.False(defaults.Server.Debug);
    }

    [Fact]
    public void The_example_config_in_the_repository_is_the_documented_defaults()
    {
        string example = File.ReadAllText(RepoPaths.File("paging.example.conf"));

        Assert.True(ConfigDump.Documented(ConfigFormat.Ini) == example,
            "paging.example.conf differs from the options catalog: run 'make example-conf' and commit the result");
    }

    [Theory]
    [InlineData("documented.conf")]
    [InlineData("documented.toml")]
    public void The_documented_defaults_read_back_as_the_defaults_without_warnings(string name)
    {
        var format = name.EndsWith(".toml", StringComparison.Ordinal) ? ConfigFormat.Toml : ConfigFormat.Ini;
        using var dir = new TempDirectory();
        string file = dir.Write(name, ConfigDump.Documented(format));

        var config = ConfigLoader.Load([new ConfigFile(file, true)], []);

        Assert.Empty(config.Warnings);
        foreach (var spec in OptionCatalog.All)
            Assert.Equal(spec.DefaultText, spec.Type.Format(config[spec].Value));
    }
}
