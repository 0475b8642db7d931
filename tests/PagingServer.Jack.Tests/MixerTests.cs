using PagingServer.Jack.Tests.Infra;

namespace PagingServer.Jack.Tests;

public class MixerTests
{
    [Fact]
    public async Task Klaxon_plays_on_every_speaker_at_volume_klaxon_and_reports_completion()
    {
        using var h = new EngineHarness(o => o with { VolumeKlaxon = 0.5f });
        Assert.Equal(2, h.Engine.OutputPorts.Count);
        var klaxon = Tone.Sine(880, 0.8, JackServer.Rate); // 1 s
        var before = Interop.Libjack.jack_get_time();
        var done = h.Engine.PlayKlaxon(klaxon);
        var rec = h.Recorder.Record(TimeSpan.FromMilliseconds(600));
        foreach (var channel in rec)
        {
            // 600 samples: 11 periods of 880 Hz.
            var (amplitude, rms, _) = Tone.Windows(channel.AsSpan(4800, 19200), 880, 600);
            var purity = amplitude / Math.Sqrt(2) / rms;
            Assert.True(amplitude is >= 0.38 and <= 0.42 && purity > 0.95,
                $"amplitude {amplitude:F3}, purity {purity:F3}; the recorder missed {h.Recorder.LostCycles} cycles");
        }

        var c = await done.WaitAsync(TimeSpan.FromSeconds(3));
        Assert.False(c.Stopped);
        // The last sample left about one second after the start (plus up to a few periods).
        var seconds = (c.EndJackUsec - before) / 1e6;
        Assert.InRange(seconds, 0.95, 1.2);
        Assert.Equal(h.Engine.Speakers, ["system:playback_1", "system:playback_2"]);
    }

    [Fact]
    public async Task Stopping_a_klaxon_early_fades_out_without_a_click()
    {
        using var h = new EngineHarness(o => o with { VolumeKlaxon = 1.0f, KlaxonStopFade = TimeSpan.FromMilliseconds(10) });
        var done = h.Engine.PlayKlaxon(Tone.Sine(880, 0.9, JackServer.Rate * 5));
        Thread.Sleep(300);
        h.Engine.StopKlaxon();
        var c = await done.WaitAsync(TimeSpan.FromSeconds(2));
        Assert.True(c.Stopped);
        var rec = h.Recorder.Record(TimeSpan.FromMilliseconds(200));
        Assert.True(Tone.Peak(rec[0]) < 1e-6, "klaxon still audible after stop");
    }

    [Fact]
    public void A_call_ring_fed_with_a_1kHz_tone_is_heard_at_volume_call()
    {
        using var h = new EngineHarness(o => o with { VolumeCall = 0.7f });
        using var stream = h.Engine.OpenCallStream()!;
        using (new TonePump(stream, Tone.Sine(1000, 0.5, 480)))
        {
            Thread.Sleep(300);
            var rec = h.Recorder.Record(TimeSpan.FromSeconds(1));
            foreach (var channel in rec)
            {
                var (amplitude, _, audible) = Tone.Windows(channel, 1000);
                Assert.True(audible > 0.8, $"tone heard in only {audible:P0} of the time ({stream.Underruns} underruns)");
                Assert.InRange(amplitude, 0.34, 0.36);
            }
        }

        Assert.Equal(0, stream.Overruns);
    }

    [Fact]
    public void A_call_streams_gain_can_change_while_it_plays()
    {
        using var h = new EngineHarness(o => o with { VolumeCall = 0.7f });
        using var stream = h.Engine.OpenCallStream()!;
        Assert.Equal(0.7f, stream.Gain);
        using (new TonePump(stream, Tone.Sine(1000, 0.5, 480)))
        {
            Thread.Sleep(200);
            stream.Gain = 0.2f;
            Thread.Sleep(50);
            var (amplitude, _, audible) = Tone.Windows(h.Recorder.Record(TimeSpan.FromMilliseconds(500))[0], 1000);
            Assert.True(audible > 0.8, $"tone heard in only {audible:P0} of the time");
            Assert.InRange(amplitude, 0.095, 0.105);
        }
    }

    [Fact]
    public void Two_overlapping_full_scale_calls_are_limited_not_wrapped()
    {
        using var h = new EngineHarness(o => o with { VolumeCall = 1.0f });
        using var a = h.Engine.OpenCallStream()!;
        using var b = h.Engine.OpenCallStream()!;
        using (new TonePump(a, Tone.Sine(1000, 1.0, 480)))
        using (new TonePump(b, Tone.Sine(1000, 1.0, 480)))
        {
            Thread.Sleep(300);
            var rec = h.Recorder.Record(TimeSpan.FromSeconds(1));
            foreach (var channel in rec)
            {
                Assert.True(Tone.Peak(channel) <= 1.0, $"peak {Tone.Peak(channel)}");
                // The sum is loud (near full scale), not wrapped to small or negative values.
                var (_, rms, audible) = Tone.Windows(channel, 1000);
                Assert.True(audible > 0.8, $"heard in only {audible:P0} of the time");
                Assert.True(rms > 0.6, $"rms {rms}");
            }
        }

        Assert.True(h.Engine.Health.LimitedSamples > 0);
    }

    [Fact]
    public void Call_streams_are_limited_to_the_fixed_maximum_and_slots_are_reused()
    {
        using var h = new EngineHarness();
        var streams = Enumerable.Range(0, JackEngine.MaxCallStreams).Select(_ => h.Engine.OpenCallStream()).ToList();
        Assert.All(streams, Assert.NotNull);
        Assert.Null(h.Engine.OpenCallStream());
        streams[3]!.Dispose();
        using var again = h.Engine.OpenCallStream();
        Assert.NotNull(again);
        streams.ForEach(s => s?.Dispose());
    }
}
