using PagingServer.Media.Interop;

namespace PagingServer.Media.Codecs;

/// <summary>Opus decoding to mono float through libopus (RFC 6716, RTP per RFC 7587).</summary>
public sealed unsafe class OpusDecoder : IAudioDecoder
{
    /// <summary>The longest Opus packet: 120 ms (RFC 6716 section 3.2.5) at 48 kHz.</summary>
    public const int MaxFrameSamples = 5760;

    private readonly OpusDecoderSafeHandle handle;
    private readonly float[] scratch = new float[MaxFrameSamples];
    private int lastFrameSamples;

    /// <summary>Creates a mono decoder at <paramref name="sampleRate"/> (8, 12, 16, 24 or 48 kHz).</summary>
    public OpusDecoder(int sampleRate = 48000)
    {
        handle = LibOpus.opus_decoder_create(sampleRate, 1, out int error);
        if (handle.IsInvalid || error != LibOpus.OPUS_OK)
        {
            handle.Dispose();
            throw new InvalidOperationException($"opus_decoder_create: {LibOpus.ErrorText(error)}");
        }

        SampleRate = sampleRate;
        lastFrameSamples = sampleRate / 50;
    }

    /// <inheritdoc/>
    public int SampleRate { get; }

    /// <inheritdoc/>
    public bool ConcealsLoss => true;

    /// <inheritdoc/>
    public int Decode(ReadOnlySpan<byte> payload, Span<float> pcm)
    {
        if (payload.IsEmpty)
        {
            return -1;
        }

        int frameSize = Math.Min(pcm.Length, MaxFrameSamples * SampleRate / 48000);
        int n;
        fixed (byte* data = payload)
        fixed (float* output = pcm)
        {
            n = LibOpus.opus_decode_float(handle, data, payload.Length, output, frameSize, 0);
        }

        if (n > 0)
        {
            lastFrameSamples = n;
        }

        return n;
    }

    /// <summary>Runs libopus's concealment (decoding with no data, RFC 6716 section 4.4) for
    /// the length of <paramref name="pcm"/>. libopus conceals in 2.5 ms steps: a length between
    /// steps is concealed whole into a scratch buffer and cut.</summary>
    public int Conceal(Span<float> pcm)
    {
        int step = SampleRate / 400;
        int wanted = Math.Min(pcm.Length, MaxFrameSamples * SampleRate / 48000);
        int frameSize = (wanted + step - 1) / step * step;
        if (frameSize == 0)
        {
            return 0;
        }

        Span<float> target = frameSize == wanted ? pcm : scratch.AsSpan(0, frameSize);
        int n;
        fixed (float* output = target)
        {
            n = LibOpus.opus_decode_float(handle, null, 0, output, frameSize, 0);
        }

        n = Math.Min(Math.Max(n, 0), wanted);
        if (frameSize != wanted)
        {
            target[..n].CopyTo(pcm);
        }

        return n;
    }

    /// <summary>Samples in the last decoded packet (20 ms before the first).</summary>
    public int LastFrameSamples => lastFrameSamples;

    /// <inheritdoc/>
    public void Dispose() => handle.Dispose();
}
