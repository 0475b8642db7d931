using PagingServer.Configuration;
using PagingServer.Configuration.Options;

namespace PagingServer.Tests.Configuration;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly TempDirectory work = new();
    private readonly TempDirectory etc = new();

    public void Dispose()
    {
        work.Dispose();
        etc.Dispose();
    }

    private ConfigFileLocator Locator => new(work.Path, etc.Path);

    private ResolvedConfig Load(params string[] commandLinePaths) => ConfigLoader.Load(Locator.Locate(commandLinePaths), []);

    [Fact]
    public void Reads_files_in_the_documented_order_later_ones_winning()
    {
        work.Write("paging.conf", "[sip]\ndomain = from-work\nuser = u1\n");
        etc.Write("paging.conf", "[sip]\ndomain = from-etc\n");
        etc.Write("paging.conf.d/20-b.conf", "[sip]\ndomain = from-dropin-b\n");
        etc.Write("paging.conf.d/10-a.conf", "[sip]\ndomain = from-dropin-a\npass = p\n");
        etc.Write("paging.conf.d/README", "[sip]\ndomain = never-read\n");
        work.Write("callpipe.conf", "[sip]\ndomain = from-callpipe\n");
        etc.Write("callpipe.conf", "[sip]\ndomain = from-etc-callpipe\n");
        string extra = work.Write("extra.conf", "[sip]\ndomain = from-command-line\n");

        var config = Load(extra);

        Assert.Equal("from-command-line", config.Get(OptionCatalog.SipDomain));
        Assert.Equal("u1", config.Get(OptionCatalog.SipUser));
        Assert.Equal(new ConfigSource(Path.Combine(etc.Path, "paging.conf.d/10-a.conf"), 3), config[OptionCatalog.SipPass].Source);
        Assert.Equal(
            [
                Path.Combine(work.Path, "paging.conf"), Path.Combine(etc.Path, "paging.conf"),
                Path.Combine(etc.Path, "paging.conf.d/10-a.conf"), Path.Combine(etc.Path, "paging.conf.d/20-b.conf"),
                Path.Combine(work.Path, "callpipe.conf"), Path.Combine(etc.Path, "callpipe.conf"), extra,
            ],
            config.FilesRead);
    }

    [Fact]
    public void Skips_missing_default_files_and_uses_defaults()
    {
        var config = Load();

        Assert.Empty(config.FilesRead);
        Assert.Equal("paging", config.Get(OptionCatalog.JackClientName));
        Assert.Equal(ConfigSource.Default, config[OptionCatalog.JackClientName].Source);
    }

    [Fact]
    public void A_missing_file_named_on_the_command_line_is_an_error()
    {
        var error = Assert.Throws<ConfigException>(() => Load("nowhere.conf"));

        Assert.Contains("nowhere.conf", error.Message);
        Assert.Contains("not found", error.Message);
    }

    [Theory]
    [InlineData("volume_call = 10\nvolume-call = 20\n")]
    [InlineData("volume-call = 20\nvolume_call = 10\n")]
    public void The_dashed_form_wins_when_a_file_has_both(string options)
    {
        string file = work.Write("x.conf", "[audio]\n" + options);

        Assert.Equal(20, Load(file).Get(OptionCatalog.VolumeCall));
    }

    [Fact]
    public void An_underscored_name_in_a_later_file_still_overrides_an_earlier_file()
    {
        etc.Write("paging.conf", "[audio]\nvolume-call = 20\n");
        string file = work.Write("x.conf", "[audio]\nvolume_call = 10\n");

        Assert.Equal(10, Load(file).Get(OptionCatalog.VolumeCall));
    }

    [Fact]
    public void Section_and_option_names_are_case_insensitive()
    {
        string file = work.Write("x.conf", "[SIP]\nDomain = pbx\n[Server]\nSENTRY_DSN = https://key@sentry.example/42\n");

        var config = Load(file);

        Assert.Equal("pbx", config.Get(OptionCatalog.SipDomain));
        Assert.Equal("https://key@sentry.example/42", config.Get(OptionCatalog.SentryDsn));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    [InlineData("True", true)]
    [InlineData("on", true)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    [InlineData("false", false)]
    [InlineData("OFF", false)]
    public void Booleans_take_every_spelling_of_the_original(string text, bool expected)
    {
        string file = work.Write("x.conf", $"[calls]\nhold-concurrent = {text}\n");

        Assert.Equal(expected, Load(file).Get(OptionCatalog.HoldConcurrent));
    }

    [Theory]
    [InlineData("[calls]\n\nhold-concurrent = maybe\n", 3, "calls", "hold-concurrent", "not a boolean")]
    [InlineData("[audio]\nklaxon-max-length = 99999\n", 2, "audio", "klaxon-max-length", "out of range")]
    [InlineData("[audio]\nvolume-music = loud\n", 2, "audio", "volume-music", "not a number")]
    [InlineData("[audio]\njack-music-client-name = ^mpd(\n", 2, "audio", "jack-music-client-name", "does not compile")]
    [InlineData("[audio]\njack-music-links = left-right\n", 2, "audio", "jack-music-links", "no '---'")]
    [InlineData("[audio]\njack-music-links = left---(x\n", 2, "audio", "jack-music-links", "does not compile")]
    [InlineData("[audio]\njack-output-ports = 0\n", 2, "audio", "jack-output-ports", "out of range")]
    [InlineData("[server]\nsentry-dsn = not a url\n", 2, "server", "sentry-dsn", "not a Sentry DSN")]
    [InlineData("[sip]\ntransport = sctp\n", 2, "sip", "transport", "not one of: udp, tcp")]
    [InlineData("[sip]\nport = 70000\n", 2, "sip", "port", "out of range")]
    [InlineData("[sip]\nlisten-address = everywhere\n", 2, "sip", "listen-address", "not an IP address")]
    [InlineData("[sip]\nallow-from = 10.0.0.0/8 192.168.1.0/99\n", 2, "sip", "allow-from", "not a network")]
    [InlineData("[sip]\ncodecs = PCMU G729\n", 2, "sip", "codecs", "unknown codec 'G729'")]
    [InlineData("[sip]\nallow-from = 10.1.2.3/8\n", 2, "sip", "allow-from", "host bits set")]
    public void A_wrong_value_names_file_line_section_and_option(string text, int line, string section, string option, string why)
    {
        string file = work.Write("bad.conf", text);

        var error = Assert.Throws<ConfigException>(() => Load(file));

        Assert.Equal(new ConfigSource(file, line), error.Where);
        Assert.Equal(section, error.Section);
        Assert.Equal(option, error.Option);
        Assert.Contains($"{file}:{line}: [{section}] {option}: ", error.Message);
        Assert.Contains(why, error.Message);
    }

    [Fact]
    public void A_port_range_upside_down_names_the_option_set_last()
    {
        string file = work.Write("x.conf", "[sip]\nrtp-port-min = 20000\nrtp-port-max = 19000\n");

        var error = Assert.Throws<ConfigException>(() => PagingOptions.From(Load(file)));

        Assert.Equal(new ConfigSource(file, 3), error.Where);
        Assert.Equal("rtp-port-max", error.Option);
        Assert.Contains("must be below", error.Message);
    }

    [Fact]
    public void Lists_take_spaces_or_commas_and_keep_their_order()
    {
        string file = work.Write("x.conf", "[sip]\nallow-from = 10.1.2.3, pbx.example.net 2001:db8::/32\ncodecs = PCMA G722\n");

        var options = PagingOptions.From(Load(file));

        Assert.Equal(["10.1.2.3", "pbx.example.net", "2001:db8::/32"], options.Sip.AllowFrom);
        Assert.Equal(["PCMA", "G722"], options.Sip.Codecs);
    }

    [Fact]
    public void Obsolete_pjsua_and_pulse_options_are_warnings_that_name_them()
    {
        string file = work.Write("old.conf", "[audio]\npjsua-device = ^pulse$\npulse-match = mpd\n[server]\npjsua_log_level = 0\n");

        var config = Load(file);

        Assert.Equal(3, config.Warnings.Count);
        Assert.Contains(config.Warnings, w => w.Contains($"{file}:2") && w.Contains("pjsua-device") && w.Contains("obsolete"));
        Assert.Contains(config.Warnings, w => w.Contains($"{file}:3") && w.Contains("pulse-match") && w.Contains("obsolete"));
        Assert.Contains(config.Warnings, w => w.Contains($"{file}:5") && w.Contains("pjsua-log-level"));
    }

    [Fact]
    public void Unknown_options_and_sections_are_warnings_with_file_and_line()
    {
        string file = work.Write("x.conf", "[sip]\ndomian = typo\n[speakers]\nleft = 1\n");

        var config = Load(file);

        Assert.Equal(2, config.Warnings.Count);
        Assert.Contains($"{file}:2: unknown option [sip] domian", config.Warnings[0]);
        Assert.Contains($"{file}:4: unknown section [speakers]", config.Warnings[1]);
    }

    [Fact]
    public void Command_line_flags_override_every_file()
    {
        string file = work.Write("x.conf", "[server]\ndebug = no\n");

        var config = ConfigLoader.Load(Locator.Locate([file]), [new ConfigOverride(OptionCatalog.Debug, "yes", "--debug")]);

        Assert.True(config.Get(OptionCatalog.Debug));
        Assert.Equal("command line (--debug)", config[OptionCatalog.Debug].Source.ToString());
    }

    [Fact]
    public void An_original_style_paging_conf_runs_unchanged()
    {
        string file = work.Write("paging.conf", """
            ;;;; an installation's paging.conf from the Python days
            [sip]
            domain = pbx.office.example
            user = 2400
            pass = hunter2

            [audio]
            ; klaxon = /etc/paging.wav
            klaxon-padding = -0.5
            pjsua-device = ^pulse$
            volume-music = 27.5
            volume-call = 65.0
            music-fade-out-duration = -1
            jack-music-links = left---left right---right

            [calls]
            hang-up-after-minutes = 0.5
            hold-concurrent = yes

            [server]
            debug = no
            sentry_dsn = https://0123abcd:4567ef@sentry.example.net/2
            """);

        var options = PagingOptions.From(Load(file));

        Assert.Equal("pbx.office.example", options.Sip.Domain);
        Assert.Equal(TimeSpan.FromSeconds(-0.5), options.Audio.KlaxonPadding);
        Assert.Equal(27.5, options.Audio.VolumeMusicPercent);
        Assert.Null(options.Audio.VolumeKlaxonPercent);
        Assert.Equal(TimeSpan.Zero, options.Audio.MusicFadeOutDuration);
        Assert.Equal(2, options.Audio.JackMusicLinks.Count);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Calls.HangUpAfter);
        Assert.True(options.Calls.HoldConcurrent);
        Assert.Equal("https://0123abcd:4567ef@sentry.example.net/2", options.Server.SentryDsn);
    }
}
