namespace PagingServer.Tests.Systemd;

/// <summary>The published binary under a stand-in for systemd: a real notify socket, real signals.</summary>
public sealed class ServiceLifecycleTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly TempDirectory work = new();
    private readonly NotifySocket systemd = new();
    private readonly JackServer jack = new();

    public void Dispose()
    {
        jack.Dispose();
        systemd.Dispose();
        work.Dispose();
    }

    private RunningProcess StartPaging(string config, Dictionary<string, string>? environment = null, bool signalsIgnored = false)
    {
        string file = work.Write("paging.conf", config);
        var env = new Dictionary<string, string>(jack.ClientEnv) { ["NOTIFY_SOCKET"] = systemd.Address, ["JOURNAL_STREAM"] = "8:1234" };
        foreach (var (k, v) in environment ?? [])
            env[k] = v;
        // SIGHUP and SIGINT ignored, as `nohup` and a script's background job leave them.
        return signalsIgnored
            ? new RunningProcess(Tool.Require("env", "coreutils"), ["--ignore-signal=HUP,INT", RepoPaths.PublishedBinary, "--systemd", file], env, work.Path)
            : new RunningProcess(RepoPaths.PublishedBinary, ["--systemd", file], env, work.Path);
    }

    private readonly string clientName = JackServer.UniqueName("pg");

    private readonly int sipPort = FreePort.Udp();

    // SIP on a port of the test's own: another pager (or anything) may hold 5060 on this machine.
    private string Config => $"[sip]\nlisten-address = 127.0.0.1\nport = {sipPort}\n[audio]\njack-autostart = no\njack-server-name = {jack.Name}\njack-client-name = {clientName}\nvolume-call = 50\n[server]\ndebug = yes\n";

    [Fact]
    public void Ready_then_watchdog_pings_then_stopping_and_exit_0_on_sigterm()
    {
        using var paging = StartPaging(Config, new() { ["WATCHDOG_USEC"] = "400000" });

        string ready = systemd.Receive();
        Assert.StartsWith("READY=1\nSTATUS=", ready);
        Assert.Contains("JACK 48000 Hz, 2 speaker(s)", ready);
        var pings = systemd.ReceiveFor(TimeSpan.FromSeconds(1.1));
        Assert.InRange(pings.Count(p => p == "WATCHDOG=1"), 4, 7);

        paging.Signal("TERM");
        Assert.Equal(0, paging.WaitForExit(TimeSpan.FromSeconds(3)));
        Assert.Contains(systemd.ReceiveFor(TimeSpan.FromMilliseconds(300)), d => d.StartsWith("STOPPING=1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sighup_reloads_the_configuration_between_reloading_and_ready(bool signalsIgnored)
    {
        using var paging = StartPaging(Config, signalsIgnored: signalsIgnored);
        Assert.StartsWith("READY=1", systemd.Receive());

        work.Write("paging.conf", Config.Replace("volume-call = 50", "volume-call = 80", StringComparison.Ordinal));
        paging.Signal("HUP");

        Assert.StartsWith("RELOADING=1\nMONOTONIC_USEC=", systemd.Receive());
        Assert.StartsWith("READY=1", systemd.Receive());
        Assert.True(paging.WaitForOutput("configuration reloaded", Patience), paging.Output);
        paging.Signal(signalsIgnored ? "INT" : "TERM"); // both stop it
        Assert.Equal(0, paging.WaitForExit(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void A_bad_file_on_reload_keeps_the_running_configuration()
    {
        using var paging = StartPaging(Config);
        Assert.StartsWith("READY=1", systemd.Receive());

        work.Write("paging.conf", "[audio]\nvolume-call = very loud\n");
        paging.Signal("HUP");

        Assert.True(paging.WaitForOutput("configuration not reloaded", Patience), paging.Output);
        Assert.Contains("<3>", paging.Output);
        Assert.False(paging.HasExited);
        paging.Signal("INT");
        Assert.Equal(0, paging.WaitForExit(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void A_jack_server_lost_and_back_is_pushed_to_the_status_line()
    {
        using var paging = StartPaging(Config);
        Assert.Contains("JACK 48000 Hz", systemd.Receive());

        jack.Kill();
        Assert.True(WaitForDatagram(d => d.StartsWith("STATUS=", StringComparison.Ordinal) && d.Contains("JACK reconnecting", StringComparison.Ordinal)),
            paging.Output);
        jack.Start();
        Assert.True(WaitForDatagram(d => d.StartsWith("STATUS=", StringComparison.Ordinal) && d.Contains("JACK 48000 Hz, 2 speaker(s)", StringComparison.Ordinal)),
            paging.Output);
        paging.Signal("TERM");
        Assert.Equal(0, paging.WaitForExit(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void A_hung_jack_server_stops_the_watchdog_pings_and_they_resume_when_it_runs_again()
    {
        using var paging = StartPaging(Config, new() { ["WATCHDOG_USEC"] = "400000" });
        Assert.StartsWith("READY=1", systemd.Receive());
        Assert.Contains("WATCHDOG=1", systemd.ReceiveFor(TimeSpan.FromSeconds(1)));

        // A stopped jackd: the process callback no longer runs, nothing tells the client why.
        using (jack.Freeze())
        {
            Assert.True(paging.WaitForOutput("watchdog: JACK process callback not responding", Patience), paging.Output);
            systemd.ReceiveFor(TimeSpan.FromMilliseconds(300)); // a ping already on its way
            var silent = systemd.ReceiveFor(TimeSpan.FromSeconds(1.5));
            Assert.DoesNotContain("WATCHDOG=1", silent);
        }
        Assert.True(WaitForDatagram(d => d == "WATCHDOG=1"), "the pings did not come back once jackd ran again:\n" + paging.Output);
        paging.Signal("TERM");
        Assert.Equal(0, paging.WaitForExit(TimeSpan.FromSeconds(3)));
    }

    private bool WaitForDatagram(Func<string, bool> match)
    {
        DateTime end = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < end)
        {
            if (systemd.ReceiveFor(TimeSpan.FromMilliseconds(200)).Any(match))
                return true;
        }
        return false;
    }
}
