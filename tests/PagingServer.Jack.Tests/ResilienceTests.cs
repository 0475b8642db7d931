using System.Diagnostics;
using PagingServer.Jack.Tests.Infra;
using Xunit.Abstractions;

namespace PagingServer.Jack.Tests;

public class ResilienceTests(ITestOutputHelper output)
{
    [Fact]
    public void After_jackd_dies_and_comes_back_ports_and_links_are_restored_within_2s()
    {
        JackEngine.SilenceLibjackMessages();
        using var h = new EngineHarness(o => o with { VolumeCall = 0.5f });
        h.Server.Kill();
        h.Recorder.Abandon();
        JackProbe.WaitFor(() => !h.Engine.IsConnected, TimeSpan.FromSeconds(3), "the engine to notice the shutdown");
        Thread.Sleep(700); // the engine keeps retrying while no server runs
        h.Server.Start();
        var back = Stopwatch.StartNew();
        using var probe = new JackProbe(h.Server.Name);
        JackProbe.WaitFor(
            () => h.Engine.IsConnected && h.Engine.OutputPorts.Count == 2 &&
                probe.Connections(h.Engine.OutputPorts[0]).Contains("system:playback_1") &&
                probe.Connections(h.Engine.OutputPorts[1]).Contains("system:playback_2"),
            TimeSpan.FromSeconds(2), "ports and speaker links after the restart");
        output.WriteLine($"restored {back.ElapsedMilliseconds} ms after the server answered; log:\n{string.Join('\n', h.Log)}");
        Assert.Equal(2, h.Engine.Connections);

        // And it mixes again.
        using var recorder = new JackRecorder(h.Server.Name, 1);
        recorder.Connect(0, h.Engine.OutputPorts[1]);
        using var stream = h.Engine.OpenCallStream()!;
        using (new TonePump(stream, Tone.Sine(1000, 1.0, 480)))
        {
            Thread.Sleep(200);
            Assert.InRange(Tone.Windows(recorder.Record(TimeSpan.FromMilliseconds(300))[0], 1000).Amplitude, 0.48, 0.52);
        }
    }

    [Fact]
    public void Dispose_leaves_a_hung_server_behind_instead_of_waiting_for_it()
    {
        using var h = new EngineHarness(o => o with { CloseTimeout = TimeSpan.FromMilliseconds(500) }, record: false);
        using (h.Server.Freeze())
        {
            // jack_client_close waits for an answer a stopped server never gives.
            var dispose = new Thread(h.Engine.Dispose) { IsBackground = true };
            dispose.Start();
            Assert.True(dispose.Join(TimeSpan.FromSeconds(10)), "Dispose blocked on the stopped server:\n" + string.Join('\n', h.Log));
            Assert.Contains(h.Log, line => line.Contains("did not let the client go within 0.5 s", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Blocking_full_collections_of_a_large_heap_cost_the_C_callback_no_cycles()
    {
        // No managed JACK client in the process during the measurement: a stalled client
        // stalls the whole JACK graph, the engine's cycles included.
        using var h = new EngineHarness(o => o with { VolumeCall = 0.5f }, record: false, realtime: true);
        using var stream = h.Engine.OpenCallStream()!;
        var keep = h.Engine.SampleRate; // one second buffered: above the longest stall measured
        using var pump = new TonePump(stream, Tone.Sine(1000, 1.0, 480), keepBuffered: keep);

        var alloc = Stopwatch.StartNew();
        var heap = new object[1024][];
        for (var i = 0; i < heap.Length; i++)
        {
            heap[i] = new object[24_000];
            for (var j = 0; j < heap[i].Length; j++)
            {
                heap[i][j] = new byte[8];
            }
        }

        output.WriteLine($"heap {GC.GetTotalMemory(false) >> 20} MiB of small objects allocated in {alloc.Elapsed.TotalSeconds:F1} s");
        Thread.Sleep(1200); // let the pump refill the ring after the allocation's own GCs
        // Start the baseline first: a client joining the graph can itself cause an xrun.
        var baseline = StartCycleCounter(h.Server.Name, seconds: 6);
        Thread.Sleep(700);
        var before = h.Engine.Health;
        var pauses = CollectFor(TimeSpan.FromSeconds(4.5));
        var after = h.Engine.Health;
        var baselineResult = baseline.StandardOutput.ReadToEnd().Trim();
        baseline.WaitForExit();
        var baselineLost = long.Parse(baselineResult.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
        output.WriteLine($"plain C client in its own process, same window: {baselineResult}");
        var lost = after.LostCycles - before.LostCycles;
        var underruns = after.CallUnderruns - before.CallUnderruns;
        output.WriteLine($"{pauses.Count} blocking full GCs, longest {pauses.Max().TotalMilliseconds:F0} ms, mean {pauses.Average(p => p.TotalMilliseconds):F0} ms");
        output.WriteLine($"C engine: cycles {after.Cycles - before.Cycles}, lost {lost}, xruns {after.Xruns - before.Xruns}, " +
            $"call underruns {underruns}, overruns {after.CallOverruns - before.CallOverruns}, longest callback {after.LongestProcess.TotalMicroseconds} us");

        // The contrast: a managed callback in the same process (allocation-free) under the same load.
        using (var managed = new JackRecorder(h.Server.Name, 1))
        {
            Thread.Sleep(300);
            var mBefore = managed.LostCycles;
            var mCycles = managed.Cycles;
            var mPauses = CollectFor(TimeSpan.FromSeconds(2));
            output.WriteLine($"managed callback, same load: cycles {managed.Cycles - mCycles}, lost {managed.LostCycles - mBefore} " +
                $"over {mPauses.Count} GCs");
        }

        GC.KeepAlive(heap);
        Assert.True(pauses.Count >= 3, "too few collections to mean anything");
        // Whatever the server and the loaded machine lose on their own the engine may lose too.
        // A GC stall would cost hundreds of cycles (see the managed contrast); the slack of two
        // covers the two clients' measuring windows not being exactly the same.
        Assert.InRange(lost, 0, baselineLost + 2);
        // The ring holds one second: only a producer stall longer than that may starve it, once
        // per such stall (the stream then buffers up again). On a quiet machine there are none.
        int stallsLongerThanTheRing = pauses.Count(p => p >= TimeSpan.FromSeconds(1));
        Assert.InRange(underruns, 0, stallsLongerThanTheRing);
    }

    // Back-to-back collections with a short breath between them: with none at all, producer
    // threads never run and no ring size would do.
    private static List<TimeSpan> CollectFor(TimeSpan duration)
    {
        var pauses = new List<TimeSpan>();
        var run = Stopwatch.StartNew();
        while (run.Elapsed < duration)
        {
            var t = Stopwatch.StartNew();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true);
            pauses.Add(t.Elapsed);
            Thread.Sleep(50);
        }

        return pauses;
    }

    internal static Process StartCycleCounter(string server, int seconds)
    {
        var psi = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "cycle_counter"))
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(server);
        psi.ArgumentList.Add(Tools.UniqueName("cc"));
        psi.ArgumentList.Add($"{seconds}");
        return Process.Start(psi)!;
    }
}
