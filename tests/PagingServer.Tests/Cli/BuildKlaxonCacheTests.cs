namespace PagingServer.Tests.Cli;

/// <summary>`paging --build-klaxon-cache` as an image build runs it: the published binary, no JACK server.</summary>
public sealed class BuildKlaxonCacheTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    private string Klaxon(string name, double seconds)
    {
        string path = Path.Combine(work.Path, name);
        var sox = ProcessRun.Start(Tool.Require("sox", "sox"), ["-n", "-r", "44100", "-c", "2", path, "synth", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "sine", "880"]);
        Assert.True(sox.ExitCode == 0, sox.ToString());
        return path;
    }

    private ProcessRun Build(string config, params string[] extra)
    {
        string file = work.Write("paging.conf", config);
        // A server name nobody runs: the command must not need one.
        return ProcessRun.Start(RepoPaths.PublishedBinary, ["--build-klaxon-cache", .. extra, file], work.Path);
    }

    [Fact]
    public void Converts_the_configured_klaxon_once_and_then_finds_it_cached()
    {
        string klaxon = Klaxon("klaxon.flac", 12);
        string cache = Path.Combine(work.Path, "cache");
        string config = $"[audio]\nklaxon = {klaxon}\nklaxon-cache-dir = {cache}\njack-server-name = nobody-runs-this\n";

        var first = Build(config, "--sample-rate", "44100");
        var second = Build(config, "--sample-rate", "44100");
        var other = Build(config, "--sample-rate", "48000");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("converted", first.Stdout);
        Assert.Contains("10.00 s at 44100 Hz", first.Stdout);
        Assert.Contains("converting klaxon: 100%", first.Stderr);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("already cached", second.Stdout);
        Assert.Contains("at 48000 Hz, converted", other.Stdout);
        Assert.Equal(2, Directory.GetFiles(cache).Length);
    }

    [Fact]
    public void An_unwritable_cache_is_an_error_for_this_command()
    {
        string klaxon = Klaxon("klaxon.wav", 1);
        string blocker = work.Write("not-a-folder", "x");

        var run = Build($"[audio]\nklaxon = {klaxon}\nklaxon-cache-dir = {blocker}/cache\n");

        Assert.True(run.ExitCode == 73, run.ToString());
        Assert.Contains("could not be written", run.Stderr);
    }

    [Fact]
    public void Without_a_klaxon_there_is_nothing_to_build()
    {
        var run = Build("[audio]\nklaxon =\n");

        Assert.True(run.ExitCode == 78, run.ToString());
        Assert.Contains("no klaxon configured", run.Stderr);
    }

    [Fact]
    public void A_file_nothing_can_decode_names_the_file()
    {
        string junk = work.Write("klaxon.xyz", "this is not audio");

        var run = Build($"[audio]\nklaxon = {junk}\nklaxon-cache-dir = {work.Path}/cache\n");

        Assert.True(run.ExitCode == 78, run.ToString());
        Assert.Contains("klaxon.xyz", run.Stderr);
    }
}
