using PagingServer.Bench.Peers;

namespace PagingServer.Bench;

/// <summary>
/// Both endpoints registered and waiting, side by side on the same jackd: CPU over 5 s windows
/// (share of one core), RssAnon, PSS without shared memory, and JACK's shared segment as each
/// maps it (RssShmem), which is the same for every JACK client and so reported apart.
/// </summary>
internal static class IdleBench
{
    public const string Group = "Idle (registered, no call)";
    public static readonly string[] Names = ["CPU idle", "RssAnon idle", "PSS idle, without shared memory", "RssShmem idle (JACK's shared segment)"];

    public static void Run(IEndpoint pager, IEndpoint peer, int runs, Figures ours, Figures peers)
    {
        Thread.Sleep(1000); // let both settle after start-up
        for (int run = 0; run < runs; run++)
        {
            double pagerCpu0 = ProcStats.CpuSeconds(pager.Pid), peerCpu0 = ProcStats.CpuSeconds(peer.Pid);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Thread.Sleep(TimeSpan.FromSeconds(5));
            double seconds = clock.Elapsed.TotalSeconds;
            ours.Add(Names[0], (ProcStats.CpuSeconds(pager.Pid) - pagerCpu0) / seconds * 100);
            peers.Add(Names[0], (ProcStats.CpuSeconds(peer.Pid) - peerCpu0) / seconds * 100);
            foreach (var (endpoint, figures) in new[] { (pager, ours), (peer, peers) })
            {
                figures.Add(Names[1], ProcStats.StatusKib(endpoint.Pid, "RssAnon"));
                figures.Add(Names[2], ProcStats.OwnPssKib(endpoint.Pid));
                figures.Add(Names[3], ProcStats.StatusKib(endpoint.Pid, "RssShmem"));
            }
        }
    }

    public static (string Unit, string Note) Units(string name) => name switch
    {
        "CPU idle" => ("% of one core", "utime+stime over 5 s, every thread; paging keeps its JACK client running, baresip opens one per call"),
        "RssShmem idle (JACK's shared segment)" => ("KiB", "shared with jackd and every client; not the process's own"),
        _ => ("KiB", name.StartsWith("PSS", StringComparison.Ordinal) ? "smaps_rollup Pss - Pss_Shmem" : "/proc/PID/status"),
    };
}
