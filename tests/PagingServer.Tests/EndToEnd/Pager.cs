using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PagingServer.Tests.EndToEnd;

/// <summary>
/// The published binary running as the appliance would: its own private jackd (dummy driver), a
/// configuration on 127.0.0.1 with free ports, an 880 Hz klaxon; started and waited for until
/// it says it is ready.
/// </summary>
internal sealed class Pager : IDisposable
{
    public Pager(TempDirectory work, string extraConfig = "", JackServer? jack = null, double klaxonSeconds = 0.6)
    {
        Jack = jack ?? new JackServer(realtime: true);
        ownsJack = jack is null;
        SipPort = FreePort.Udp();
        int rtpBase = 20000 + (Environment.ProcessId % 400) * 100 + Interlocked.Increment(ref instances) * 20 % 100;
        string klaxon = Path.Combine(work.Path, "klaxon.wav");
        var sox = ProcessRun.Start(Tool.Require("sox", "sox"), ["-n", "-r", "48000", "-c", "1", klaxon, "synth", Number(klaxonSeconds), "sine", "880", "vol", "0.9"]);
        Assert.True(sox.ExitCode == 0, sox.ToString());
        ConfigPath = work.Write("paging.conf", $"""
            [sip]
            listen-address = 127.0.0.1
            port = {SipPort}
            rtp-port-min = {rtpBase}
            rtp-port-max = {rtpBase + 19}
            [audio]
            klaxon = {klaxon}
            klaxon-cache-dir = {work.Path}/cache
            jack-server-name = {Jack.Name}
            jack-client-name = {JackServer.UniqueName("pg")}
            jack-autostart = no
            volume-klaxon = 50
            volume-call = 80
            music-fade-out-duration = 0.3
            music-fade-in-duration = 0.3
            [server]
            debug = yes
            {extraConfig}
            """);
        Process = new RunningProcess(RepoPaths.PublishedBinary, [ConfigPath], Jack.ClientEnv, work.Path);
        if (!Process.WaitForOutput(" ready: ", TimeSpan.FromSeconds(20)))
        {
            // xunit never disposes what a failed constructor built: stop paging and our jackd.
            string output = Process.Output;
            Dispose();
            Assert.Fail($"paging did not get ready:\n{output}");
        }
    }

    private static int instances;
    private readonly bool ownsJack;

    public JackServer Jack { get; }

    public RunningProcess Process { get; }

    public int SipPort { get; }

    public string ConfigPath { get; }

    public static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Process.Dispose();
        if (ownsJack)
            Jack.Dispose();
    }
}
