using PagingServer.Bench.Jack;
using PagingServer.Bench.Peers;

namespace PagingServer.Bench;

/// <summary>
/// The appliance on real parts, the pager and the peer side by side: one jackd (dummy driver,
/// 48 kHz, period 256, realtime), kamailio as registrar and proxy, the published binary and
/// baresip both registered to it, and the speaker probe. Runs the idle, call, start-up and soak
/// benchmarks on them and pairs each figure with the peer's.
/// </summary>
internal static class Appliance
{
    private const string Password = "bench-s3cret";

    public static IEnumerable<Measurement> Run(string binary, string work, int runs, IReadOnlySet<string> parts)
    {
        var results = new List<Measurement>();
        if (!parts.Overlaps(["idle", "call", "startup", "soak"]))
            return results;
        using var jack = new JackServer(realtime: true);
        using var kamailio = KamailioRegistrar.Start(Password);
        using var probe = new SpeakerProbe(jack.Name);
        var ours = new Figures();
        var peers = new Figures();
        using (var pager = new PagerEndpoint(binary, work, jack, kamailio, Password, klaxon: true))
        using (var peer = new BaresipEndpoint(work, jack, kamailio, Password))
        {
            if (parts.Contains("idle"))
                IdleBench.Run(pager, peer, Math.Min(runs, 5), ours, peers);
            if (parts.Contains("call"))
            {
                int calls = Math.Min(runs, 9);
                CallBench.Run(pager, probe, calls, ours);
                CallBench.Run(peer, probe, calls, peers);
            }
        }
        results.AddRange(Pair(IdleBench.Group, ours, peers, IdleBench.Units));
        results.AddRange(Pair(CallBench.Group, ours, peers, CallUnits));
        if (parts.Contains("startup"))
            results.AddRange(StartupBench.Run(binary, work, jack, Math.Min(runs, 7)));
        if (parts.Contains("soak"))
            results.AddRange(SoakBench.Run(binary, work, jack, kamailio, probe, Password));
        return results;
    }

    private static (string Unit, string Note) CallUnits(string name) => name switch
    {
        "CPU during one G.711 page" => ("% of one core", "utime+stime over 6 s of PCMU audio, every thread"),
        "RssAnon during a page" => ("KiB", "private anonymous memory, /proc/PID/status"),
        "PSS during a page, without shared memory" => ("KiB", "smaps_rollup Pss - Pss_Shmem"),
        "RssShmem during a page (JACK's shared segment)" => ("KiB", "shared with jackd and every client; baresip maps it only during a call"),
        "RTP arrival to speaker" => ("ms", "send of a 1 kHz burst's first packet to its first sample in the JACK cycle that plays it; 10 bursts per call"),
        "INVITE to the klaxon's first sample at the speaker" => ("ms", "music-fade-out-duration 0; the peer has no klaxon"),
        "klaxon's last sample to 200 OK" => ("ms", "klaxon-padding 0"),
        "RTP bursts not heard within 400 ms" => ("bursts", "should not appear"),
        "INVITE to 200 OK" => ("ms", "paging answers after its 0.5 s klaxon, by design"),
        _ => ("ms", ""),
    };

    /// <summary>Our figures of a group, each with the peer's samples of the same name.</summary>
    public static IEnumerable<Measurement> Pair(string group, Figures ours, Figures peers, Func<string, (string Unit, string Note)> describe)
    {
        foreach (string name in ours.Names)
        {
            var (unit, note) = describe(name);
            bool idleFigure = IdleBench.Names.Contains(name);
            if (idleFigure != (group == IdleBench.Group))
                continue;
            yield return new Measurement(group, name, unit, ours.Get(name)!, note, peers.Get(name));
        }
    }
}
