using System.Globalization;
using System.Text.Json;
using PagingServer.Bench.Jack;
using PagingServer.Bench.Peers;

namespace PagingServer.Bench;

/// <summary>
/// Many calls through kamailio with scripts/callgen (sipp): twice 1,000 one after the other,
/// each hung up on answer, then 20 callers at once, each speaking 2 s of PCMU. The pager runs without
/// a klaxon and with fades of 0 here, so a call is signalling, a page's set-up and tear-down.
/// Failed calls, xruns (the probe's xrun callback), and memory before and after.
/// The pager takes at most 8 calls at once (max-calls' range); beyond that it answers 486 by design.
/// </summary>
internal static class SoakBench
{
    public const string Group = "Soak through kamailio (sipp via scripts/callgen)";
    private const int Sequential = 1000;
    private const int Batches = 2;
    private const int Concurrent = 20;
    private const int ConcurrentCalls = 100;

    public static IEnumerable<Measurement> Run(string binary, string work, JackServer jack, KamailioRegistrar kamailio, SpeakerProbe probe, string password)
    {
        var ours = new Figures();
        var peers = new Figures();
        using (var pager = new PagerEndpoint(binary, work, jack, kamailio, password, klaxon: false, maxCalls: 8))
            Soak(pager, kamailio, probe, ours);
        using (var peer = new BaresipEndpoint(work, jack, kamailio, password))
            Soak(peer, kamailio, probe, peers);
        return Appliance.Pair(Group, ours, peers, Describe);
    }

    private static void Soak(IEndpoint endpoint, KamailioRegistrar kamailio, SpeakerProbe probe, Figures figures)
    {
        Thread.Sleep(1000);
        int xrunsBefore = probe.Xruns;
        // Two batches of 1,000: growth in the first is warm-up as much as anything; growth that
        // repeats in the second is what a leak looks like.
        for (int batch = 1; batch <= Batches; batch++)
        {
            double anonBefore = ProcStats.StatusKib(endpoint.Pid, "RssAnon");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var sequential = Callgen(endpoint, kamailio, Sequential, 1, 200, 0);
            double seconds = clock.Elapsed.TotalSeconds;
            Thread.Sleep(1000);
            double anonAfter = ProcStats.StatusKib(endpoint.Pid, "RssAnon");
            figures.Add("sequential calls answered (of 1,000)", sequential.GetProperty("answered").GetDouble());
            figures.Add("sequential calls failed", sequential.GetProperty("failed").GetDouble());
            figures.Add("sequential calls per second", Sequential / seconds);
            figures.Add("sequential set-up time, median (INVITE to 200 through kamailio)", SetupMs(sequential, "median"));
            figures.Add("sequential set-up time, p95", SetupMs(sequential, "p95"));
            if (batch == 1)
                figures.Add("RssAnon before the soak", anonBefore);
            figures.Add($"RssAnon after {batch * Sequential:#,0} calls", anonAfter);
            figures.Add($"RssAnon growth over calls {(batch - 1) * Sequential + 1:#,0} to {batch * Sequential:#,0}", (anonAfter - anonBefore) * 1000 / Sequential);
        }

        var concurrent = Callgen(endpoint, kamailio, ConcurrentCalls, Concurrent, 40, 2);
        Thread.Sleep(1000);
        double busy = concurrent.GetProperty("failed_by_response").TryGetProperty("486", out var b) ? b.GetDouble() : 0;
        figures.Add("20 at once: calls answered (of 100)", concurrent.GetProperty("answered").GetDouble());
        figures.Add("20 at once: refused busy (486)", busy);
        figures.Add("20 at once: failed otherwise", concurrent.GetProperty("failed").GetDouble() - busy);
        figures.Add("RssAnon after the concurrent soak", ProcStats.StatusKib(endpoint.Pid, "RssAnon"));
        figures.Add("xruns during the soak", probe.Xruns - xrunsBefore);
    }

    private static double SetupMs(JsonElement summary, string which) =>
        summary.GetProperty("setup_ms").GetProperty(which) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : double.NaN;

    private static JsonElement Callgen(IEndpoint endpoint, KamailioRegistrar kamailio, int calls, int atOnce, int rate, double hold)
    {
        string callgen = RepoPaths.File("scripts/callgen");
        var args = new List<string>
        {
            $"{endpoint.User}@{kamailio.Domain}", "--proxy", kamailio.Domain, "--local-ip", "127.0.0.1",
            "-n", calls.ToString(CultureInfo.InvariantCulture), "-c", atOnce.ToString(CultureInfo.InvariantCulture),
            "-r", rate.ToString(CultureInfo.InvariantCulture), "--answer-timeout", "10", "--json",
        };
        if (hold > 0)
            args.AddRange(["--hold", hold.ToString(CultureInfo.InvariantCulture), "--tone"]);
        var run = ProcessRun.Start(callgen, args, timeout: TimeSpan.FromMinutes(5));
        if (run.ExitCode > 1)
            throw new InvalidOperationException($"callgen failed against {endpoint.Name}: {run}\n{CallBench.Tail(endpoint.Log)}");
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }

    private static (string Unit, string Note) Describe(string name) => name switch
    {
        _ when name.StartsWith("RssAnon growth", StringComparison.Ordinal) => ("KiB", "after minus before the batch of 1,000; includes heap the GC has not yet returned"),
        _ when name.StartsWith("RssAnon", StringComparison.Ordinal) => ("KiB", ""),
        _ when name.Contains("set-up", StringComparison.Ordinal) => ("ms", "sipp's whole milliseconds"),
        "sequential calls per second" => ("calls/s", "one at a time, hung up on answer, callgen -r 200"),
        "20 at once: refused busy (486)" => ("calls", "paging: max-calls is at most 8 by design; baresip: call_max_calls 32"),
        "xruns during the soak" => ("xruns", "reported by jackd to the probe client"),
        _ => ("calls", ""),
    };
}
