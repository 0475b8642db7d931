using PagingServer.Media.Codecs;
using PagingServer.Media.Rtp;

namespace PagingServer.Media.Tests.Rtp;

public class CallAudioPipelineTests
{
    private static readonly CallMediaOptions Options = new() { TelephoneEventPayloadType = 101 };

    [Fact]
    public void Steady_state_allocates_nothing_per_packet()
    {
        var time = new ManualTimeProvider();
        var sink = new ClockedSink(48000, time);
        using var pipeline = new CallAudioPipeline(CodecDescription.Pcmu, 48000, sink, Options, time);
        var datagram = new byte[256];
        byte[][] payloads = Enumerable.Range(0, 50).Select(k => Packets.MuLawTone(k)).ToArray();

        void Run(int from, int to)
        {
            for (int k = from; k < to; k++)
            {
                int n = Packets.Build(datagram, (ushort)k, (uint)(k * 160), 1234, 0, payloads[k % 50]);
                RtpHeader.TryParse(datagram.AsSpan(0, n), out RtpHeader h);
                if (k % 20 != 7)
                {
                    pipeline.Accept(h, datagram.AsSpan(0, n)); // 5 % loss: concealment on the path
                }

                for (int step = 0; step < 4; step++)
                {
                    time.Advance(TimeSpan.FromMilliseconds(5));
                    pipeline.Pump();
                }
            }
        }

        Run(0, 200);
        var clock = new System.Diagnostics.Stopwatch();
        long before = GC.GetAllocatedBytesForCurrentThread();
        clock.Start();
        Run(200, 1200);
        clock.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        double perPacketUs = clock.Elapsed.TotalMicroseconds / 1000;
        TestReport.Write("media-pipeline-allocation", $"CallAudioPipeline PCMU->48 kHz, 1000 packets after warm-up (5 % loss): {allocated} bytes allocated, {perPacketUs:F1} us wall per packet (parse, buffer, decode, conceal, resample, sink)");
        Assert.True(perPacketUs < 1000, $"{perPacketUs:F0} us per packet");
        Assert.Equal(0, allocated);
        Assert.InRange(sink.Count, 48000 * 23, 48000 * 25); // 24 s of audio out
    }

    [Fact]
    public void A_tone_comes_out_at_the_output_rate_and_frequency()
    {
        var time = new ManualTimeProvider();
        var sink = new ClockedSink(48000, time);
        using var pipeline = new CallAudioPipeline(CodecDescription.Pcmu, 48000, sink, Options, time);
        var datagram = new byte[256];
        for (int k = 0; k < 100; k++)
        {
            int n = Packets.Build(datagram, (ushort)k, (uint)(k * 160), 1, 0, Packets.MuLawTone(k));
            RtpHeader.TryParse(datagram.AsSpan(0, n), out RtpHeader h);
            pipeline.Accept(h, datagram.AsSpan(0, n));
            time.Advance(TimeSpan.FromMilliseconds(20));
            pipeline.Pump();
        }

        float[] output = sink.Snapshot();
        // Count zero crossings over one second in the middle: 1 kHz gives 2000.
        int crossings = 0;
        for (int i = 48000 + 1; i < 96000; i++)
        {
            if ((output[i - 1] < 0) != (output[i] < 0))
            {
                crossings++;
            }
        }

        Assert.InRange(crossings, 1990, 2010);
        Assert.InRange(Codecs.Signal.Rms(output.AsSpan(48000, 48000)), 0.33, 0.38); // 0.5 / sqrt(2)
        CallQuality q = pipeline.Quality();
        Assert.Equal(100, q.Packets);
        Assert.Equal(0, q.Lost);
    }

    /// <summary>Feeds packets in real-time order (one per 20 ms of fake time) and returns the output.</summary>
    private static (float[] Output, CallQuality Quality) Play(CodecDescription codec, IReadOnlyList<byte[]> payloads, int ticksPerPacket, Func<int, bool>? lost = null)
    {
        var time = new ManualTimeProvider();
        var sink = new ClockedSink(48000, time);
        using var pipeline = new CallAudioPipeline(codec, 48000, sink, Options, time);
        var datagram = new byte[1600];
        for (int k = 0; k < payloads.Count; k++)
        {
            if (lost?.Invoke(k) != true)
            {
                int n = Packets.Build(datagram, (ushort)(k + 100), (uint)(k * ticksPerPacket), 9, codec.PayloadType, payloads[k]);
                RtpHeader.TryParse(datagram.AsSpan(0, n), out RtpHeader h);
                pipeline.Accept(h, datagram.AsSpan(0, n));
            }

            for (int step = 0; step < 4; step++)
            {
                time.Advance(TimeSpan.FromMilliseconds(5));
                pipeline.Pump();
            }
        }

        return (sink.Snapshot(), pipeline.Quality());
    }

    private static int ZeroCrossings(ReadOnlySpan<float> x)
    {
        int crossings = 0;
        for (int i = 1; i < x.Length; i++)
        {
            if ((x[i - 1] < 0) != (x[i] < 0))
            {
                crossings++;
            }
        }

        return crossings;
    }

    [Fact]
    public void A_G722_stream_on_its_8_kHz_rtp_clock_plays_16_kHz_audio_at_48_kHz()
    {
        var pcm = new float[16000 * 3];
        for (int i = 0; i < pcm.Length; i++)
        {
            pcm[i] = 0.5f * MathF.Sin(2 * MathF.PI * 1000 * i / 16000f);
        }

        var encoder = new G722Encoder();
        var payloads = new List<byte[]>();
        for (int pos = 0; pos < pcm.Length; pos += 320)
        {
            var payload = new byte[160];
            encoder.Encode(pcm.AsSpan(pos, 320), payload);
            payloads.Add(payload);
        }

        // 20 ms = 320 samples at 16 kHz but 160 timestamp units (RFC 3551 4.5.2).
        (float[] output, CallQuality q) = Play(CodecDescription.G722, payloads, 160);
        Assert.Equal(150, q.Packets);
        Assert.Equal(0, q.Lost);
        Assert.Equal(0, q.ConcealedMs);
        Assert.InRange(ZeroCrossings(output.AsSpan(48000, 48000)), 1990, 2010);
        Assert.InRange(Codecs.Signal.Rms(output.AsSpan(48000, 48000)), 0.3, 0.4);
    }

    [Fact]
    public void An_opus_stream_with_a_lost_packet_is_concealed_by_libopus()
    {
        using var dir = new TempDirectory();
        (List<byte[]> packets, _, _) = Codecs.OpusTests.EncodeWithFfmpeg(dir);
        (float[] output, CallQuality q) = Play(CodecDescription.Opus(111), packets, 960, k => k == 25);
        Assert.Equal(packets.Count - 1, q.Packets);
        Assert.Equal(1, q.Lost);
        Assert.InRange(q.ConcealedMs, 19, 21);
        // The tone (ffmpeg's sine: amplitude 1/8) goes on through the loss at about its level:
        // every 20 ms window around packet 25 (0.4 s .. 0.8 s of output) has signal.
        double level = Codecs.Signal.Rms(output.AsSpan(9600, 9600));
        Assert.InRange(level, 0.07, 0.1);
        for (int start = 19200; start + 960 <= 38400; start += 960)
        {
            Assert.True(Codecs.Signal.Rms(output.AsSpan(start, 960)) > level / 2, $"quiet window at {start}");
        }
    }

    [Fact]
    public void Telephone_events_are_passed_up_once_per_start_and_end()
    {
        var time = new ManualTimeProvider();
        var reports = new List<TelephoneEventReport>();
        using var pipeline = new CallAudioPipeline(CodecDescription.Pcmu, 48000, new ClockedSink(48000, time), Options, time, reports.Add);
        var datagram = new byte[64];
        var payload = new byte[4];
        ushort seq = 0;
        foreach ((bool end, ushort duration) in new[] { (false, (ushort)160), (false, (ushort)320), (true, (ushort)480), (true, (ushort)480), (true, (ushort)480) })
        {
            new TelephoneEvent(5, end, 10, duration).Write(payload);
            int n = Packets.Build(datagram, seq++, 8000, 1, 101, payload, marker: duration == 160);
            RtpHeader.TryParse(datagram.AsSpan(0, n), out RtpHeader h);
            pipeline.Accept(h, datagram.AsSpan(0, n));
        }

        Assert.Equal(2, reports.Count);
        Assert.Equal('5', reports[0].Event.DtmfDigit);
        Assert.True(reports[1].Event.End);
        Assert.Equal(480, reports[1].Event.Duration);
    }

    [Fact]
    public void The_quality_record_is_one_line_with_every_figure()
    {
        var q = new CallQuality(AudioCodec.G722, TimeSpan.FromSeconds(12.5), 620, 5, 1, 2, 3.25, 100, 42.5, TimedOut: true);
        string line = q.ToString();
        Assert.Equal("codec=G722 duration=12.5s packets=620 lost=5 (0.8%) late=1 dup=2 jitter=3.2ms concealed=100ms buffer=42.5ms timeout", line);
        Assert.DoesNotContain('\n', line);
    }
}
