using System.Net;

namespace PagingServer.Bench.Peers;

/// <summary>
/// The published binary on the benchmark's jackd, registered to kamailio as <c>pager</c> and
/// taking calls straight from 127.0.0.1 too. Music fades are 0 so the figures are the
/// pager's own; the klaxon (if any) is 0.5 s of 880 Hz; klaxon-padding 0.
/// </summary>
internal sealed class PagerEndpoint : IEndpoint
{
    private static int instances;
    private readonly RunningProcess process;

    public PagerEndpoint(string binary, string work, JackServer jack, KamailioRegistrar kamailio, string password, bool klaxon, int maxCalls = 4)
    {
        int n = Interlocked.Increment(ref instances);
        string dir = Path.Combine(work, $"pager{n}");
        Directory.CreateDirectory(dir);
        int port = FreePort.Udp();
        int rtp = 30000 + n * 200;
        string klaxonFile = Path.Combine(dir, "klaxon.wav");
        if (klaxon)
            Sh.Run("sox", "-n", "-r", "48000", "-c", "1", klaxonFile, "synth", "0.5", "sine", "880", "vol", "0.9");
        string config = Path.Combine(dir, "paging.conf");
        File.WriteAllText(config, $"""
            [sip]
            listen-address = 127.0.0.1
            port = {port}
            rtp-port-min = {rtp}
            rtp-port-max = {rtp + 199}
            domain = {kamailio.Domain}
            user = {User}
            pass = {password}
            allow-from = 127.0.0.1
            [audio]
            klaxon = {(klaxon ? klaxonFile : "")}
            klaxon-cache-dir = {dir}/cache
            jack-server-name = {jack.Name}
            jack-client-name = {JackServer.UniqueName("pgb")}
            jack-autostart = no
            volume-klaxon = 50
            volume-call = 80
            music-fade-out-duration = 0
            music-fade-in-duration = 0
            klaxon-padding = 0
            [calls]
            max-calls = {maxCalls}
            hold-concurrent = no
            """);
        process = new RunningProcess(binary, [config], jack.ClientEnv, dir);
        if (!process.WaitForOutput("SIP: registered", TimeSpan.FromSeconds(20)))
            throw new InvalidOperationException($"paging did not register:\n{process.Output}\nkamailio:\n{kamailio.Log}");
        Sip = new IPEndPoint(IPAddress.Loopback, port);
        HasKlaxon = klaxon;
    }

    public string Name => "paging";

    public int Pid => process.Id;

    public IPEndPoint Sip { get; }

    public string User => "pager";

    public bool HasKlaxon { get; }

    public string Log => process.Output;

    public void Dispose()
    {
        process.Signal("TERM");
        process.WaitForExit(TimeSpan.FromSeconds(5));
        process.Dispose();
    }
}
