using PagingServer.Media.Codecs;

namespace PagingServer.Media.Jitter;

/// <summary>
/// Adaptive jitter buffer for one RTP stream: packets go in as they arrive (<see cref="Put"/>),
/// audio at the codec's rate comes out at the reader's pace (<see cref="Read"/>). All positions
/// are counted in audio samples; the reader's count of samples read is the clock against which
/// arrival spread, delay and sender drift are measured, so no wall clock is needed here.
/// Slots, payload storage and PCM buffers are allocated once: steady state allocates nothing.
/// Not thread-safe: one thread puts and reads.
/// </summary>
public sealed partial class JitterBuffer
{
    private readonly IAudioDecoder decoder;
    private readonly JitterBufferOptions options;
    private readonly int samplesPerTick;
    private readonly int mask;
    private readonly long[] slotSeq;
    private readonly long[] slotTs;
    private readonly int[] slotLength;
    private readonly long[] slotArrival;
    private readonly byte[] payloads;
    private readonly LossConcealer concealer;
    private readonly float[] pending;
    private readonly long[] transits;
    private int pendingStart;
    private int pendingCount;
    private int transitCount;
    private int transitNext;
    private bool haveStream;
    private bool anchored;
    private long highestSeq;
    private long nextSeq;
    private long highestTick;
    private long playTs;
    private long readClock;
    private long offset;
    private long minTransit;
    private long maxTransit;
    private long underrunRun;
    private long erasedSamples;
    private long erasureAudible;
    private int bufferedCount;
    private int lastFrameSamples;

    /// <summary>Creates a buffer that decodes with <paramref name="decoder"/>.</summary>
    /// <param name="decoder">The stream's decoder; owned by the caller.</param>
    /// <param name="codec">Clock rate and audio rate of the stream.</param>
    /// <param name="options">Delay limits and sizes.</param>
    public JitterBuffer(IAudioDecoder decoder, CodecDescription codec, JitterBufferOptions options)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.decoder = decoder;
        this.options = options;
        SampleRate = codec.SampleRate;
        samplesPerTick = Math.Max(1, codec.SampleRate / codec.ClockRate);

        // Enough slots for twice the largest delay in 10 ms packets, as a power of two.
        int capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, options.MaxDelayMs / 5));
        mask = capacity - 1;
        slotSeq = new long[capacity];
        slotTs = new long[capacity];
        slotLength = new int[capacity];
        slotArrival = new long[capacity];
        payloads = new byte[capacity * options.MaxPayloadBytes];
        Array.Fill(slotSeq, -1);

        int maxFrame = Math.Max(OpusDecoder.MaxFrameSamples * SampleRate / 48000, SampleRate / 100 * 12);
        pending = new float[maxFrame * 2];
        transits = new long[options.WindowPackets];
        concealer = new LossConcealer(SampleRate, options.ConcealmentFadeMs);
        lastFrameSamples = SampleRate / 50;
        TargetDelaySamples = Ms(options.MinDelayMs);
    }

    /// <summary>Audio rate of <see cref="Read"/>'s output in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>Counters since creation.</summary>
    public JitterStatistics Statistics { get; } = new();

    /// <summary>Delay the buffer aims for, in samples: measured arrival spread plus margin,
    /// kept within [jitter-min-ms, jitter-max-ms].</summary>
    public int TargetDelaySamples { get; private set; }

    /// <summary>Current delay in samples: how long the earliest-arriving packets of the recent
    /// window wait before they play (0 before the first packet).</summary>
    public int CurrentDelaySamples => anchored && transitCount > 0 ? (int)(offset - minTransit) : 0;

    /// <summary>Current delay in milliseconds.</summary>
    public double CurrentDelayMs => CurrentDelaySamples * 1000.0 / SampleRate;

    /// <summary>Target delay in milliseconds.</summary>
    public double TargetDelayMs => TargetDelaySamples * 1000.0 / SampleRate;

    /// <summary>Packets held and not yet played.</summary>
    public int BufferedPackets => bufferedCount;

    /// <summary>Forgets every packet and the decoding history (new SSRC after a re-INVITE).</summary>
    public void Reset()
    {
        Array.Fill(slotSeq, -1);
        bufferedCount = 0;
        pendingCount = 0;
        transitCount = 0;
        haveStream = false;
        anchored = false;
        erasedSamples = 0;
        erasureAudible = 0;
        underrunRun = 0;
        concealer.Reset();
    }

    private int Ms(int ms) => (int)((long)ms * SampleRate / 1000);
}
