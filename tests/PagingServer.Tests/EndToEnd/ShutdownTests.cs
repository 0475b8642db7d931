namespace PagingServer.Tests.EndToEnd;

/// <summary>How a live page ends without the caller's BYE: SIGTERM (as `systemctl stop` or an
/// update sends it), or a caller whose audio stops (a phone that lost its network).</summary>
[Collection(SerialAudio.Name)]
public sealed class ShutdownTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [Fact]
    public void Sigterm_during_a_page_sends_bye_to_the_caller_and_exits_0_within_3_seconds()
    {
        using var pager = new Pager(work);
        string scenario = SippCaller.Page(work, "page_until_bye.xml", TimeSpan.FromSeconds(10));
        using var sipp = SippCaller.Start(pager, scenario, work.Path);
        Assert.True(pager.Process.WaitForOutput("answered", TimeSpan.FromSeconds(15)), pager.Process.Output);
        Thread.Sleep(500);

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        pager.Process.Signal("TERM");
        int? exit = pager.Process.WaitForExit(TimeSpan.FromSeconds(5));
        stopwatch.Stop();

        Assert.True(exit == 0, $"exit {exit}\n{pager.Process.Output}");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"took {stopwatch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(sipp.WaitForExit(TimeSpan.FromSeconds(10)) == 0, $"the caller did not get its BYE: {sipp.Output}\n{pager.Process.Output}");
        TestReport.Write("e2e-sigterm", $"SIGTERM during a page: BYE sent, exit 0 after {stopwatch.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public void Sigterm_with_a_hung_jackd_still_exits_0_within_3_seconds()
    {
        using var pager = new Pager(work);
        using (pager.Jack.Freeze())
        {
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            pager.Process.Signal("TERM");
            int? exit = pager.Process.WaitForExit(TimeSpan.FromSeconds(10));
            stopwatch.Stop();
            Assert.True(exit == 0, $"exit {exit}\n{pager.Process.Output}");
            Assert.Contains("did not let the client go within 1 s", pager.Process.Output, StringComparison.Ordinal);
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"took {stopwatch.Elapsed.TotalSeconds:0.0} s");
            TestReport.Write("e2e-sigterm-hung-jack", $"SIGTERM with jackd stopped: exit 0 after {stopwatch.Elapsed.TotalMilliseconds:0} ms, the JACK client left behind");
        }
    }

    [Fact]
    public void A_caller_whose_audio_stops_for_rtp_timeout_is_hung_up_and_the_page_ends()
    {
        using var pager = new Pager(work, "[sip]\nrtp-timeout = 1\n");
        // 1.5 s of voice, then the caller stays on the line in silence, waiting for our BYE.
        string scenario = SippCaller.Page(work, "page_until_bye.xml", TimeSpan.FromSeconds(1.5));
        using var sipp = SippCaller.Start(pager, scenario, work.Path);
        Assert.True(pager.Process.WaitForOutput("answered", TimeSpan.FromSeconds(15)), pager.Process.Output);

        Assert.True(pager.Process.WaitForOutput("no audio for 1 s; hanging up", TimeSpan.FromSeconds(10)), pager.Process.Output);
        Assert.True(sipp.WaitForExit(TimeSpan.FromSeconds(10)) == 0, $"the caller did not get its BYE: {sipp.Output}\n{pager.Process.Output}");
        Assert.True(pager.Process.WaitForOutput("page ended", TimeSpan.FromSeconds(5)), pager.Process.Output);
        Assert.Contains("timeout", pager.Process.Output.Split('\n').Last(l => l.Contains("page ended", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.False(pager.Process.HasExited, pager.Process.Output);
    }
}
