using PagingServer.Configuration;
using PagingServer.Configuration.Options;

namespace PagingServer.Tests.Configuration;

public sealed class TomlConfigTests : IDisposable
{
    private readonly TempDirectory work = new();
    private readonly TempDirectory etc = new();

    public void Dispose()
    {
        work.Dispose();
        etc.Dispose();
    }

    private ResolvedConfig Load(params string[] paths) => ConfigLoader.Load(new ConfigFileLocator(work.Path, etc.Path).Locate(paths), []);

    [Fact]
    public void Toml_and_ini_drop_ins_are_read_in_name_order_whatever_their_syntax()
    {
        etc.Write("paging.conf", "[audio]\nvolume-call = 10\nvolume-klaxon = 10\n");
        etc.Write("paging.conf.d/10-levels.toml", "[audio]\nvolume-call = 20\nvolume-klaxon = 20\n");
        etc.Write("paging.conf.d/20-override.conf", "[audio]\nvolume-klaxon = 30\n");

        var config = Load();

        Assert.Equal(20, config.Get(OptionCatalog.VolumeCall));
        Assert.Equal(new ConfigSource(Path.Combine(etc.Path, "paging.conf.d/10-levels.toml"), 2), config[OptionCatalog.VolumeCall].Source);
        Assert.Equal(30, config.Get(OptionCatalog.VolumeKlaxon));
    }

    [Fact]
    public void Toml_values_take_their_natural_types_and_arrays_join_into_lists()
    {
        string file = work.Write("site.toml", """
            [audio]
            jack-autostart = false
            klaxon-padding = -0.25
            hang_up = 1
            jack-output-ports = [1, 2, "system:playback_[34]"]
            jack-music-links = ["left---left", "right---"]

            [calls]
            hold-concurrent = "yes"
            """);

        var config = Load(file);

        Assert.False(config.Get(OptionCatalog.JackAutostart));
        Assert.Equal(-0.25, config.Get(OptionCatalog.KlaxonPadding));
        Assert.Equal("1 2 system:playback_[34]", config.Get(OptionCatalog.JackOutputPorts).ToString());
        Assert.Null(config.Get(OptionCatalog.JackMusicLinks)[1].Speaker);
        Assert.True(config.Get(OptionCatalog.HoldConcurrent));
        Assert.Contains(config.Warnings, w => w.Contains($"{file}:4: unknown option [audio] hang_up"));
    }

    [Fact]
    public void A_toml_syntax_error_names_file_line_and_column()
    {
        string file = work.Write("bad.toml", "[audio]\nvolume-call = 50\nvolume-call = 60\n");

        var error = Assert.Throws<ConfigException>(() => Load(file));

        Assert.Equal(new ConfigSource(file, 3), error.Where);
        Assert.Contains("column", error.Message);
    }

    [Fact]
    public void A_wrongly_typed_toml_value_names_its_option()
    {
        string file = work.Write("bad.toml", "[calls]\n\nhold-concurrent = 3\n");

        var error = Assert.Throws<ConfigException>(() => Load(file));

        Assert.Equal(new ConfigSource(file, 3), error.Where);
        Assert.Equal("hold-concurrent", error.Option);
    }

    [Fact]
    public void Keys_outside_a_table_and_nested_tables_are_warnings()
    {
        string file = work.Write("odd.toml", "debug = true\n[audio.extra]\nx = 1\n");

        var config = Load(file);

        Assert.Equal(2, config.Warnings.Count);
        Assert.Contains(config.Warnings, w => w.Contains($"{file}:1"));
        Assert.Contains(config.Warnings, w => w.Contains("[audio.extra]"));
    }
}
