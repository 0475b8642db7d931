using PagingServer.Media.Codecs;
using PagingServer.Media.Jitter;

namespace PagingServer.Media.Tests.Jitter;

public class JitterBufferTests
{
    // A 400 Hz tone of amplitude 0.5 at 8 kHz moves at most 0.16 per sample; G.711 adds a little.
    private const float CleanStep = 0.2f;

    [Fact]
    public void A_clean_stream_plays_at_the_minimum_delay_without_loss_or_clicks()
    {
        StreamOutcome o = StreamSimulation.Run(new StreamScenario { Seconds = 20 });
        Assert.Equal(0, o.Stats.Lost);
        Assert.Equal(0, o.Stats.Late);
        Assert.All(o.After(2), d => Assert.InRange(d.DelayMs, 20, 35));
        Assert.True(StreamSimulation.MaxStep(o.Output.AsSpan(8000)) < CleanStep, "click in a clean stream");
    }

    [Fact]
    public void Forty_ms_of_jitter_raises_the_delay_within_bounds_and_few_packets_come_late()
    {
        StreamOutcome o = StreamSimulation.Run(new StreamScenario { Seconds = 60, JitterMs = 40 });
        var settled = o.After(5).ToList();
        Assert.All(settled, d => Assert.InRange(d.TargetMs, 20, 200));
        Assert.All(settled, d => Assert.InRange(d.DelayMs, 20 - 5, 200 + 15));
        double meanTarget = settled.Average(d => d.TargetMs);
        Assert.InRange(meanTarget, 40, 80);
        // Late packets only while the buffer learns the spread, in the first seconds.
        Assert.True(o.Stats.Late < o.Sent / 100, $"{o.Stats.Late} late of {o.Sent}");
        TestReport.Write("media-jitter-40ms", $"40 ms jitter, 60 s: target {meanTarget:F1} ms mean, late {o.Stats.Late}/{o.Sent}, mean wait {o.Stats.MeanWaitSamples / 8:F1} ms, compressed {o.Stats.CompressedSamples / 8} ms, expanded {o.Stats.ExpandedSamples / 8} ms");
    }

    [Fact]
    public void Five_percent_loss_is_concealed_and_counted()
    {
        StreamOutcome o = StreamSimulation.Run(new StreamScenario { Seconds = 60, LossRate = 0.05 });
        // Loss found at play-out equals loss made by the network (the last packets may be pending).
        Assert.InRange(o.Stats.Lost, o.DroppedByNetwork - 2, o.DroppedByNetwork);
        // One 20 ms frame per lost packet.
        Assert.InRange(o.Stats.ConcealedSamples, o.Stats.Lost * 150, o.Stats.Lost * 160);
        Assert.True(StreamSimulation.MaxStep(o.Output.AsSpan(8000)) < CleanStep * 1.5f, "concealment of a tone clicked");
        // A loss just before an empty buffer shows as a brief underrun: delay rises, then comes back.
        Assert.All(o.After(2), d => Assert.InRange(d.DelayMs, 15, 215));
        Assert.True(o.After(2).Count(d => d.DelayMs > 40) < o.After(2).Count() / 100, "delay stays low outside brief spikes");
    }

    [Fact]
    public void Reordered_and_duplicated_packets_are_all_played_in_order()
    {
        StreamOutcome o = StreamSimulation.Run(new StreamScenario { Seconds = 30, ReorderRate = 0.05, DuplicateRate = 0.05 });
        Assert.True(o.Stats.Duplicates > 0);
        // A reordered packet arrives 25 ms after its time; the buffer grows to absorb it.
        Assert.True(o.Stats.Lost + o.Stats.Late < 10, $"lost {o.Stats.Lost}, late {o.Stats.Late}");
        Assert.All(o.After(5), d => Assert.InRange(d.DelayMs, 20, 80));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(-200)]
    public void A_sender_clock_off_by_200_ppm_does_not_make_the_delay_drift(double ppm)
    {
        // Ten minutes: uncompensated, 200 ppm would move the delay by 120 ms.
        StreamOutcome o = StreamSimulation.Run(new StreamScenario { Seconds = 600, SenderPpm = ppm, JitterMs = 10 });
        var settled = o.After(10).ToList();
        double early = settled.Where(d => d.T < 60).Average(d => d.DelayMs);
        double late = settled.Where(d => d.T > 540).Average(d => d.DelayMs);
        Assert.All(settled, d => Assert.InRange(d.DelayMs, 20 - 5, 60));
        Assert.InRange(late - early, -8, 8);
        Assert.True(ppm > 0 ? o.Stats.CompressedSamples > 800 : o.Stats.ExpandedSamples > 800,
            $"compressed {o.Stats.CompressedSamples}, expanded {o.Stats.ExpandedSamples}");
        Assert.True(o.Stats.Lost + o.Stats.Late < 5, $"lost {o.Stats.Lost}, late {o.Stats.Late}");
        TestReport.Write($"media-jitter-drift{ppm:+0;-0}", $"{ppm:+0;-0} ppm over 600 s: delay {early:F1} ms early, {late:F1} ms late; compressed {o.Stats.CompressedSamples / 8.0:F1} ms, expanded {o.Stats.ExpandedSamples / 8.0:F1} ms");
    }

    [Fact]
    public void A_reader_that_loses_cycles_stays_within_the_maximum_delay_and_keeps_the_tone_whole()
    {
        // Every 2 s the reader skips 40 reads (100 ms), as the dummy JACK driver does on a
        // busy machine: the audio it missed must be taken out again by time-stretching, whole
        // pitch periods at a time, so the tone keeps its phase and the delay stays bounded.
        var outcome = StreamSimulation.Run(new StreamScenario { Seconds = 20, ReaderStalls = r => r % 800 >= 760 });
        var delays = outcome.After(3).Select(d => d.DelayMs).ToList();
        var tone = outcome.Output.AsSpan(8000, outcome.Output.Length - 16000);
        double amplitude = Tone.Amplitude(tone, 400, 8000), rms = Tone.Rms(tone);
        double wholeSnr = 10 * Math.Log10(amplitude * amplitude / 2 / Math.Max(1e-12, (rms * rms) - (amplitude * amplitude / 2)));
        TestReport.Write("media-jitter-reader-stalls", $"reader losing 100 ms every 2 s: delay mean {delays.Average():0} ms, max {delays.Max():0} ms; " +
            $"{outcome.Stats.CompressedSamples / 8.0:0} ms taken out by time-stretching; tone SNR over the whole 20 s {wholeSnr:0.0} dB");
        Assert.True(delays.Max() <= 200 * 1.1, $"delay max {delays.Max():0.0} ms");
        Assert.True(wholeSnr >= 30, $"whole-span SNR {wholeSnr:0.0} dB: the tone lost its phase");
        Assert.True(StreamSimulation.MaxStep(tone) < CleanStep, $"a click: step {StreamSimulation.MaxStep(tone):0.000}");
        Assert.True(outcome.Stats.CompressedSamples >= 8000 * 0.5, $"only {outcome.Stats.CompressedSamples} samples compressed");
    }

    [Fact]
    public void Sequence_and_timestamp_wraps_pass_unnoticed()
    {
        StreamOutcome o = StreamSimulation.Run(new StreamScenario
        {
            Seconds = 10, FirstSeq = 65500, FirstTimestamp = uint.MaxValue - (160 * 100), JitterMs = 15,
        });
        Assert.Equal(0, o.Stats.Lost);
        Assert.Equal(1, o.Stats.Resets);
        Assert.True(StreamSimulation.MaxStep(o.Output.AsSpan(8000)) < CleanStep, "click at a wrap");
    }

    [Fact]
    public void A_long_loss_fades_to_exact_silence_after_60_ms_and_resumes_cleanly()
    {
        // Packets 100-119 (400 ms) never arrive.
        StreamOutcome o = StreamSimulation.Run(new StreamScenario { Seconds = 5, Drop = k => k is >= 100 and < 120 });
        Assert.Equal(20, o.Stats.Lost);
        // Find the gap in the output: the longest stretch of exact zeros after the first second.
        int start = 0;
        int zeros = 0;
        for (int i = 8000, run = 0; i < 8000 * 4; i++)
        {
            run = o.Output[i] == 0 ? run + 1 : 0;
            if (run > zeros)
            {
                zeros = run;
                start = i - run + 1;
            }
        }

        // 400 ms lost, of which 60 ms concealed and fading: about 340 ms of true silence.
        Assert.InRange(zeros, 8 * 300, 8 * 345);
        // 60 ms for the burst; the fade after the sender stops at the end is not concealment.
        Assert.Equal(60 * 8, o.Stats.ConcealedSamples);
        // Concealment starts at full level: the 10 ms before the zeros are not near silent.
        Assert.True(Codecs.Signal.Rms(o.Output.AsSpan(start - 600, 80)) > 0.2);
    }

    [Fact]
    public void Before_the_first_packet_and_after_the_stream_stops_the_output_is_silence()
    {
        using var decoder = new G711Decoder(aLaw: false);
        var jb = new JitterBuffer(decoder, CodecDescription.Pcmu, new JitterBufferOptions());
        var out80 = new float[80];
        jb.Read(out80);
        Assert.All(out80, x => Assert.Equal(0f, x));

        var payload = new byte[160];
        Array.Fill(payload, (byte)0x80); // loudest positive µ-law code: stale audio would show
        for (int k = 0; k < 10; k++)
        {
            jb.Put((ushort)k, (uint)(k * 160), payload);
        }

        var all = new float[8000];
        jb.Read(all);
        Assert.True(all.Take(160).All(x => x == 0), "the start-up delay is silence");
        Assert.True(all.Skip(8 * 300).All(x => x == 0), "after the stream stopped and concealment faded");
        Assert.Contains(all, x => x > 0.9f);
    }

    [Theory]
    [InlineData(40000, -1_000_000_000)]
    [InlineData(20000, 1_000_000_000)]
    [InlineData(-30000, 5)]
    public void A_sender_restart_with_new_sequence_and_timestamp_spaces_is_followed(int seqJump, int tsJump)
    {
        using var decoder = new G711Decoder(aLaw: false);
        var jb = new JitterBuffer(decoder, CodecDescription.Pcmu, new JitterBufferOptions());
        var pcm = new float[160];
        byte[] loud = Enumerable.Repeat((byte)0x80, 160).ToArray();
        for (int k = 0; k < 100; k++)
        {
            jb.Put((ushort)k, (uint)(k * 160), loud);
            jb.Read(pcm);
        }

        long lateBefore = jb.Statistics.Late;
        int heard = 0;
        for (int k = 100; k < 200; k++)
        {
            jb.Put((ushort)(k + seqJump), (uint)((k * 160) + tsJump), loud);
            jb.Read(pcm);
            heard += pcm.Count(x => x > 0.9f);
        }

        Assert.Equal(lateBefore, jb.Statistics.Late);
        Assert.InRange(heard, 160 * 95, 160 * 100);
    }

    [Fact]
    public void Steady_state_allocates_nothing_per_packet()
    {
        using var decoder = new G711Decoder(aLaw: false);
        var jb = new JitterBuffer(decoder, CodecDescription.Pcmu, new JitterBufferOptions());
        var payload = new byte[160];
        var pcm = new float[160];
        for (int k = 0; k < 100; k++)
        {
            jb.Put((ushort)k, (uint)(k * 160), payload);
            jb.Read(pcm);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 100; k < 1100; k++)
        {
            if (k % 20 != 0)
            {
                jb.Put((ushort)k, (uint)(k * 160), payload); // with 5 % loss
            }

            jb.Read(pcm);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
