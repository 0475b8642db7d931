namespace PagingServer.Tests.Cli;

/// <summary>`paging --dump-jack-ports` over SSH: what an installer checks a configuration with.</summary>
public sealed class DumpJackPortsTests : IDisposable
{
    private readonly TempDirectory work = new();
    private readonly JackServer jack = new();

    public void Dispose()
    {
        jack.Dispose();
        work.Dispose();
    }

    [Fact]
    public void Lists_the_servers_ports_and_marks_the_speakers_the_configuration_picks()
    {
        string config = work.Write("paging.conf", $"[audio]\njack-server-name = {jack.Name}\njack-autostart = no\njack-client-name = {JackServer.UniqueName("pg")}\njack-output-ports = 2\n");

        var run = ProcessRun.Start(RepoPaths.PublishedBinary, ["--dump-jack-ports", config], work.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("system:playback_1", run.Stdout);
        Assert.Matches(@"(?m)^system:playback_2 .*playback #2 +SPEAKER$", run.Stdout);
        Assert.Matches(@"(?m)^system:playback_1 .*playback #1 +not a speaker$", run.Stdout);
    }

    [Fact]
    public void Without_a_jack_server_it_exits_69()
    {
        string config = work.Write("paging.conf", $"[audio]\njack-server-name = {JackServer.UniqueName("none")}\njack-autostart = no\n");

        var run = ProcessRun.Start(RepoPaths.PublishedBinary, ["--dump-jack-ports", config], work.Path);

        Assert.True(run.ExitCode == 69, run.ToString());
    }
}
