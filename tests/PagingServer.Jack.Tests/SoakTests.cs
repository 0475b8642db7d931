using System.Globalization;
using PagingServer.Jack.Tests.Infra;
using Xunit.Abstractions;

namespace PagingServer.Jack.Tests;

public class SoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Everything_at_once_for_60s_loses_no_more_cycles_than_a_plain_C_client()
    {
        using var h = new EngineHarness(o => o with { VolumeCall = 0.7f, VolumeMusic = 0.8f, MusicFadeOutMin = 0.2f }, record: false, realtime: true);
        using var mpd = new MpdInstance(h.Server);
        mpd.Mpc("play");
        using var a = h.Engine.OpenCallStream()!;
        using var b = h.Engine.OpenCallStream()!;
        using var pumpA = new TonePump(a, Tone.Sine(1000, 0.9, 480));
        using var pumpB = new TonePump(b, Tone.Sine(600, 0.9, 480));
        var baseline = ResilienceTests.StartCycleCounter(h.Server.Name, seconds: 61);
        Thread.Sleep(700);
        var before = h.Engine.Health;
        var klaxon = Tone.Sine(880, 0.9, JackServer.Rate);
        var klaxons = 0;
        var until = Environment.TickCount64 + 59_000;
        for (var i = 0; Environment.TickCount64 < until; i++)
        {
            if (i % 2 == 0)
            {
                h.Engine.DuckMusic();
            }
            else
            {
                h.Engine.RestoreMusic();
            }

            var done = await h.Engine.PlayKlaxon(klaxon).WaitAsync(TimeSpan.FromSeconds(3));
            klaxons += done.Stopped ? 0 : 1;
            await Task.Delay(300);
        }

        var after = h.Engine.Health;
        var baselineResult = (await baseline.StandardOutput.ReadToEndAsync()).Trim();
        await baseline.WaitForExitAsync();
        var baselineLost = long.Parse(baselineResult.Split(' ')[^1], CultureInfo.InvariantCulture);
        var lost = after.LostCycles - before.LostCycles;
        output.WriteLine($"engine: cycles {after.Cycles - before.Cycles}, lost {lost}, xruns {after.Xruns - before.Xruns}, " +
            $"underruns {after.CallUnderruns - before.CallUnderruns}, overruns {after.CallOverruns - before.CallOverruns}, " +
            $"longest callback {after.LongestProcess.TotalMicroseconds} us, limited samples {after.LimitedSamples - before.LimitedSamples}, klaxons {klaxons}");
        output.WriteLine($"plain C client: {baselineResult}");
        TestReport.Write("jack-soak", $"JACK soak 60 s (2 calls, music ducking, {klaxons} klaxons): xruns {after.Xruns - before.Xruns}, lost cycles {lost} (plain C client: {baselineLost}), " +
            $"call underruns {after.CallUnderruns - before.CallUnderruns}, longest callback {after.LongestProcess.TotalMicroseconds:0} us");
        // JACK reports xruns server-wide (a late mpd or a busy machine counts too), so cycles
        // lost against a plain C client on the same server are what tells the engine apart.
        Assert.True(klaxons >= 30, $"only {klaxons} klaxons completed");
        // A GC stall would cost hundreds of cycles (see the managed contrast); a cycle or two
        // more than the baseline comes from JACK's graph: when an upstream client (mpd) is
        // late, the clients after it skip that cycle, while the unconnected baseline does not.
        // The engine loses no more than the plain client does on the same machine, with slack
        // for a loaded one (half the client's losses, 0.1 % of the cycles); a GC stall alone
        // would cost hundreds.
        long cycles = after.Cycles - before.Cycles;
        Assert.InRange(lost, 0, baselineLost + baselineLost / 2 + Math.Max(2, cycles / 1000));
        Assert.Equal(0, after.CallUnderruns - before.CallUnderruns);
        Assert.Equal(0, after.CallOverruns - before.CallOverruns);
        // Wall time of the longest cycle: on a busy two-core machine a cycle can be preempted
        // (jackd's own threads outrank ours); work alone is tens of microseconds. A callback
        // that blocked (a lock, a syscall, a GC) would take far longer than a period.
        Assert.True(after.LongestProcess < TimeSpan.FromMilliseconds(20), $"callback took {after.LongestProcess}");
    }
}
