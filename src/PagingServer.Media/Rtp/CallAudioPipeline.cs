using PagingServer.Media.Codecs;
using PagingServer.Media.Jitter;
using PagingServer.Media.Resampling;

namespace PagingServer.Media.Rtp;

/// <summary>
/// One call's receive path: RTP packets in (<see cref="Accept"/>), statistics, jitter buffer,
/// decoding and concealment, resampling to the output rate, and samples out into an
/// <see cref="IAudioSink"/> kept topped up (<see cref="Pump"/>). Telephone events are passed
/// to a callback. Everything is allocated at construction; one thread drives it.
/// </summary>
public sealed class CallAudioPipeline : IDisposable
{
    private readonly CallMediaOptions options;
    private readonly IAudioSink sink;
    private readonly TimeProvider time;
    private readonly Action<TelephoneEventReport>? telephoneEvents;
    private readonly IAudioDecoder decoder;
    private readonly StreamingResampler resampler;
    private readonly TelephoneEventTracker tracker = new();
    private readonly float[] codecChunk;
    private readonly float[] outputChunk;
    private readonly int sinkTarget;
    private readonly long origin;
    private long earlierReceived;
    private long earlierLost;
    private long firstPacket = -1;
    private long lastPacket = -1;

    /// <summary>Creates the path for <paramref name="codec"/> into <paramref name="sink"/> at
    /// <paramref name="outputRate"/> Hz.</summary>
    public CallAudioPipeline(
        CodecDescription codec, int outputRate, IAudioSink sink, CallMediaOptions options, TimeProvider time,
        Action<TelephoneEventReport>? telephoneEvents = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        Codec = codec;
        this.options = options;
        this.sink = sink;
        this.time = time;
        this.telephoneEvents = telephoneEvents;
        decoder = AudioDecoders.Create(codec);
        try
        {
            JitterBuffer = new JitterBuffer(decoder, codec, options.JitterBuffer);
            resampler = new StreamingResampler(codec.SampleRate, outputRate, options.ResamplerQuality);
        }
        catch
        {
            decoder.Dispose();
            throw;
        }

        // 2.5 ms steps: about one JACK period, fine enough for the buffer's delay measure.
        codecChunk = new float[codec.SampleRate / 400];
        outputChunk = new float[resampler.MaxOutput(codecChunk.Length) + 8];
        sinkTarget = (int)((long)outputRate * options.OutputBufferMs / 1000);
        origin = time.GetTimestamp();
    }

    /// <summary>The negotiated codec.</summary>
    public CodecDescription Codec { get; }

    /// <summary>RFC 3550 reception counters of the stream.</summary>
    public ReceptionStatistics Reception { get; private set; } = new();

    /// <summary>The jitter buffer (delay, loss and concealment counters).</summary>
    public JitterBuffer JitterBuffer { get; }

    /// <summary>Packets of other payload types, ignored.</summary>
    public long OtherPayloadTypes { get; private set; }

    /// <summary>Samples the sink refused (it was full).</summary>
    public long Overflow { get; private set; }

    /// <summary>Takes one parsed packet (already admitted by address and SSRC).</summary>
    /// <param name="header">Its parsed header.</param>
    /// <param name="packet">The whole datagram the header was parsed from.</param>
    public void Accept(in RtpHeader header, ReadOnlySpan<byte> packet)
    {
        ReadOnlySpan<byte> payload = packet.Slice(header.PayloadOffset, header.PayloadLength);
        long now = time.GetTimestamp();
        if (header.PayloadType == Codec.PayloadType)
        {
            if (Reception.Update(header.SequenceNumber) < 0)
            {
                return;
            }

            // Arrival in timestamp units for the A.8 jitter; wraps like RTP timestamps do.
            long elapsed = now - origin;
            uint arrival = (uint)(elapsed * Codec.ClockRate / time.TimestampFrequency);
            Reception.UpdateJitter(arrival, header.Timestamp);
            JitterBuffer.Put(header.SequenceNumber, header.Timestamp, payload);
            firstPacket = firstPacket < 0 ? now : firstPacket;
            lastPacket = now;
        }
        else if (header.PayloadType == options.TelephoneEventPayloadType)
        {
            if (tracker.Accept(header.Timestamp, payload, out TelephoneEventReport report))
            {
                telephoneEvents?.Invoke(report);
            }

            lastPacket = now;
        }
        else
        {
            OtherPayloadTypes++;
        }
    }

    /// <summary>Tops the sink up to its target level from the jitter buffer; returns the
    /// number of output samples written.</summary>
    public int Pump()
    {
        int written = 0;
        // Bounded: a sink whose level never rises must not hold the receive loop.
        int rounds = (sinkTarget / Math.Max(1, outputChunk.Length - 8)) + 4;
        while (rounds-- > 0 && sink.Buffered < sinkTarget)
        {
            JitterBuffer.Read(codecChunk);
            ReadOnlySpan<float> input = codecChunk;
            while (!input.IsEmpty)
            {
                int n = resampler.Process(input, outputChunk, out int consumed);
                input = input[Math.Max(consumed, 1)..];
                int accepted = sink.Write(outputChunk.AsSpan(0, n));
                Overflow += n - accepted;
                written += accepted;
            }
        }

        return written;
    }

    /// <summary>Starts a new stream (new SSRC): statistics and buffer restart, decoder kept.</summary>
    public void Restart()
    {
        earlierReceived += Reception.Received;
        earlierLost += Math.Max(0, Reception.CumulativeLost);
        Reception = new ReceptionStatistics();
        JitterBuffer.Reset();
    }

    /// <summary>The figures so far, as logged at hang-up.</summary>
    public CallQuality Quality(bool timedOut = false)
    {
        JitterStatistics js = JitterBuffer.Statistics;
        double sampleMs = 1000.0 / JitterBuffer.SampleRate;
        TimeSpan duration = firstPacket < 0 ? TimeSpan.Zero : time.GetElapsedTime(firstPacket, lastPacket);
        return new CallQuality(
            Codec.Codec,
            duration,
            earlierReceived + Reception.Received,
            earlierLost + Math.Max(0, Reception.CumulativeLost),
            js.Late,
            js.Duplicates,
            Reception.Jitter * 1000.0 / Codec.ClockRate,
            js.ConcealedSamples * sampleMs,
            js.MeanWaitSamples * sampleMs,
            timedOut);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        resampler.Dispose();
        decoder.Dispose();
    }
}
