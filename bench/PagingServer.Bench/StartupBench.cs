using System.Diagnostics;
using System.Net.Sockets;
using PagingServer.Tests.Systemd;

namespace PagingServer.Bench;

/// <summary>
/// Time from exec to READY=1 on $NOTIFY_SOCKET (a datagram socket of the benchmark's own, as
/// systemd's would be), on a running jackd, listen-only; the klaxon is 3 s of 44.1 kHz stereo:
/// warm, its converted copy is in klaxon-cache-dir; cold, the cache is empty and start-up
/// converts it. The peer has no READY=1 and no klaxon.
/// </summary>
internal static class StartupBench
{
    public const string Group = "Start-up (exec to READY=1)";

    public static IEnumerable<Measurement> Run(string binary, string work, JackServer jack, int runs)
    {
        string dir = Path.Combine(work, "startup");
        Directory.CreateDirectory(dir);
        string klaxon = Path.Combine(dir, "klaxon.wav");
        Sh.Run("sox", "-n", "-r", "44100", "-c", "2", klaxon, "synth", "3", "sine", "880");
        string warmCache = Path.Combine(dir, "warm");
        var warm = new List<double>();
        var cold = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            warm.Add(Start(binary, dir, jack, klaxon, warmCache));
            cold.Add(Start(binary, dir, jack, klaxon, Path.Combine(dir, $"cold{run}")));
        }
        // The first warm run found an empty cache: it was cold, and is left out.
        yield return new Measurement(Group, "exec to READY=1, klaxon cache warm", "ms", warm.Skip(1).ToList(), "listen-only, on a running jackd");
        yield return new Measurement(Group, "exec to READY=1, klaxon cache cold (3 s klaxon converted)", "ms", cold, "44.1 kHz stereo to 48 kHz, best sinc");
    }

    private static double Start(string binary, string dir, JackServer jack, string klaxon, string cache)
    {
        string conf = Path.Combine(dir, "paging.conf");
        int port = FreePort.Udp();
        File.WriteAllText(conf, $"""
            [sip]
            listen-address = 127.0.0.1
            port = {port}
            rtp-port-min = 29000
            rtp-port-max = 29199
            [audio]
            klaxon = {klaxon}
            klaxon-cache-dir = {cache}
            jack-server-name = {jack.Name}
            jack-client-name = {JackServer.UniqueName("pgs")}
            jack-autostart = no
            """);
        using var notify = new NotifySocket();
        var env = jack.ClientEnv;
        env["NOTIFY_SOCKET"] = notify.Address;
        long start = Stopwatch.GetTimestamp();
        using var process = new RunningProcess(binary, [conf], env, dir);
        try
        {
            while (!notify.Receive().Split('\n').Contains("READY=1"))
            {
            }
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        catch (SocketException)
        {
            throw new InvalidOperationException($"paging sent no READY=1 within the notify socket's 5 s:\n{process.Output}");
        }
        finally
        {
            process.Signal("TERM");
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
    }
}
