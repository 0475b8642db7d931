using PagingServer.Jack.Tests.Infra;

namespace PagingServer.Jack.Tests;

public class PortDumpTests
{
    [Fact]
    public void Port_dump_lists_every_port_and_marks_speakers_and_music()
    {
        using var h = new EngineHarness(o => o with { OutputPorts = "2" }, record: false);
        using var mpd = new MpdInstance(h.Server);
        mpd.Mpc("play");
        using var probe = new JackProbe(h.Server.Name);
        JackProbe.WaitFor(() => probe.Ports(mpd.PortPrefix).Length == 2, TimeSpan.FromSeconds(5), "mpd's ports");
        var text = new StringWriter();
        Assert.True(JackPortDump.Write(h.Options, text, text));
        var dump = text.ToString();
        var lines = dump.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("system:playback_1  in  32 bit float mono audio  physical  playback #1  not a speaker", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("system:playback_2  in  32 bit float mono audio  physical  playback #2  SPEAKER", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("system:capture_1  out", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{mpd.PortPrefix}right  out", StringComparison.Ordinal) && l.Contains($"MUSIC '{mpd.ShortName}:right' -> system:playback_2", StringComparison.Ordinal));
        // The left channel's links name playback_1, which is not a speaker here.
        Assert.Contains(lines, l => l.StartsWith($"{mpd.PortPrefix}left  out", StringComparison.Ordinal) && l.Contains("(no speaker)", StringComparison.Ordinal));
        Assert.Contains($"{h.Engine.OutputPorts[0]}  out", dump);
        Assert.Contains("    connected: system:playback_2", dump);
        Assert.Single(h.Engine.Speakers, "system:playback_2");
    }

    [Fact]
    public void Port_dump_reports_a_missing_server()
    {
        var text = new StringWriter();
        Assert.False(JackPortDump.Write(new JackEngineOptions { ClientName = Tools.UniqueName("pg"), ServerName = Tools.UniqueName("none") }, text, text));
        Assert.Contains("cannot reach JACK server", text.ToString());
    }
}
