namespace PagingServer.Tests.Cli;

/// <summary>The NativeAOT binary as `make publish` wrote it, run as a user on SSH would run it.</summary>
public sealed class PublishedBinaryTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    private ProcessRun Paging(params string[] args) => ProcessRun.Start(RepoPaths.PublishedBinary, args, work.Path);

    [Fact]
    public void Help_exits_0_and_names_the_dump_flags()
    {
        var run = Paging("--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("--dump-conf-defaults", run.Stdout);
    }

    [Fact]
    public void Dump_conf_defaults_prints_the_example_config()
    {
        var run = Paging("--dump-conf-defaults");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(File.ReadAllText(RepoPaths.File("paging.example.conf")), run.Stdout);
    }

    [Fact]
    public void Dump_conf_merges_an_ini_file_and_a_toml_drop_in_showing_their_sources()
    {
        string ini = work.Write("paging.conf", "[sip]\ndomain = pbx.example\nuser = 2400\n[audio]\nvolume-call = 60\n");
        string toml = work.Write("10-site.toml", "# site drop-in\n[audio]\nvolume-call = 75\njack-output-ports = \"1 2\"\n\n[calls]\nhold-concurrent = true\n");

        var run = Paging("--dump-conf", toml);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches($@"(?m)^domain = pbx\.example +; {Escape(ini)}:2$", run.Stdout);
        Assert.Matches($@"(?m)^volume-call = 75 +; {Escape(toml)}:3$", run.Stdout);
        Assert.Matches($@"(?m)^jack-output-ports = 1 2 +; {Escape(toml)}:4$", run.Stdout);
        Assert.Matches($@"(?m)^hold-concurrent = yes +; {Escape(toml)}:7$", run.Stdout);
    }

    [Fact]
    public void A_broken_file_exits_78_with_its_file_and_line()
    {
        string bad = work.Write("broken.conf", "[audio]\nklaxon = k.wav\njack-autostart = sometimes\n");

        var run = Paging("--dump-conf", bad);

        Assert.True(run.ExitCode == 78, run.ToString());
        Assert.Contains($"{bad}:3: [audio] jack-autostart", run.Stderr);
    }

    [Fact]
    public void A_broken_toml_file_exits_78_with_its_file_and_line()
    {
        string bad = work.Write("broken.toml", "[audio]\nvolume-call = 50\nvolume-call = 60\n");

        var run = Paging("--dump-conf", bad);

        Assert.True(run.ExitCode == 78, run.ToString());
        Assert.Contains($"{bad}:3", run.Stderr);
    }

    private static string Escape(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
