using PagingServer.Cli;
using PagingServer.Configuration;

namespace PagingServer.Tests.Cli;

public sealed class PagingCommandTests : IDisposable
{
    private readonly TempDirectory work = new();
    private readonly TempDirectory etc = new();

    public void Dispose()
    {
        work.Dispose();
        etc.Dispose();
    }

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = PagingCommand.Run(args, stdout, stderr, new ConfigFileLocator(work.Path, etc.Path));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Help_lists_every_flag_of_the_original_and_exits_0()
    {
        var (code, output, _) = Run("--help");

        Assert.Equal(ExitCodes.Ok, code);
        foreach (string flag in new[] { "--dump-conf", "--dump-conf-defaults", "--debug", "--systemd", "--sentry-dsn", "--format", "--show-secrets", "--version" })
            Assert.Contains(flag, output);
    }

    [Fact]
    public void An_unknown_flag_is_a_usage_error()
    {
        var (code, _, error) = Run("--dump-everything");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--dump-everything", error);
    }

    [Fact]
    public void A_bad_value_exits_78_naming_file_line_and_option_and_starts_nothing()
    {
        string bad = work.Write("bad.conf", "[calls]\nhold-concurrent = perhaps\n");

        var (code, output, error) = Run("--dump-conf", bad);

        Assert.Equal(ExitCodes.Config, code);
        Assert.Equal("", output);
        Assert.Contains($"{bad}:2: [calls] hold-concurrent: 'perhaps' is not a boolean", error);
    }

    [Fact]
    public void Dump_conf_shows_each_value_with_its_source_and_masks_the_password()
    {
        etc.Write("paging.conf", "[sip]\ndomain = pbx.example\npass = hunter2\n");
        string extra = work.Write("extra.conf", "[audio]\nvolume-call = 70\n");

        var (code, output, _) = Run("--dump-conf", extra);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Matches($@"(?m)^domain = pbx\.example +; {Regex(etc.Path)}/paging\.conf:2$", output);
        Assert.Matches($@"(?m)^volume-call = 70 +; {Regex(extra)}:2$", output);
        Assert.Matches(@"(?m)^jack-client-name = paging +; default$", output);
        Assert.Contains("pass = ********", output);
        Assert.DoesNotContain("hunter2", output);
    }

    [Fact]
    public void Show_secrets_reveals_the_password()
    {
        etc.Write("paging.conf", "[sip]\npass = hunter2\n");

        var (_, output, _) = Run("--dump-conf", "--show-secrets");

        Assert.Contains("pass = hunter2", output);
    }

    [Fact]
    public void Flags_override_files_and_say_so()
    {
        etc.Write("paging.conf", "[server]\ndebug = no\n");

        var (_, output, _) = Run("--dump-conf", "-d", "--sentry-dsn", "https://k@sentry.example/1");

        Assert.Matches(@"(?m)^debug = yes +; command line \(--debug\)$", output);
        Assert.Matches(@"(?m)^sentry-dsn = \*+ +; command line \(--sentry-dsn\)$", output);
    }

    [Fact]
    public void Dump_conf_in_toml_quotes_strings_and_writes_booleans_bare()
    {
        var (code, output, _) = Run("--dump-conf", "--format", "toml");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Matches(@"(?m)^jack-client-name = ""paging"" +# default$", output);
        Assert.Matches(@"(?m)^jack-autostart = true +# default$", output);
        Assert.Matches(@"(?m)^jack-music-client-name = ""\^mpd\\\\\.paging:\(\.\*\)\$"" +# default$", output);
    }

    [Fact]
    public void Unknown_options_are_reported_on_stderr_with_file_and_line()
    {
        string file = work.Write("x.conf", "[sip]\ndomian = typo\n");

        var (code, _, error) = Run("--dump-conf", file);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains($"warning: {file}:2: unknown option [sip] domian", error);
    }

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
