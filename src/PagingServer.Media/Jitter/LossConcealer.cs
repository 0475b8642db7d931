namespace PagingServer.Media.Jitter;

/// <summary>
/// Packet loss concealment for codecs without their own, after ITU-T G.711 Appendix I:
/// repeat the last pitch period of the played history, widening to two and three periods
/// as the loss goes on (I.2.3), full level for the first 10 ms then a linear fade that reaches
/// silence at <see cref="JitterBufferOptions.ConcealmentFadeMs"/> (I.2.4), and an overlap-add
/// into the first good frame (I.2.5). Works at any rate; pitch limits scale with it.
/// Buffers are allocated once.
/// </summary>
internal sealed class LossConcealer
{
    private readonly float[] history;
    private readonly float[] pitchBuffer;
    private readonly int minPitch;
    private readonly int maxPitch;
    private readonly int fullLevelSamples;
    private readonly int fadeEndSamples;
    private readonly int tenMs;
    private int historyFill;
    private int pitch;
    private int periods;
    private int position;
    private int erasedSamples;

    public LossConcealer(int sampleRate, int fadeMs)
    {
        // I.2.2: pitch between 5 ms (200 Hz) and 15 ms (66 Hz); 3.75 periods of history.
        minPitch = sampleRate / 200;
        maxPitch = sampleRate * 15 / 1000;
        tenMs = sampleRate / 100;
        history = new float[(maxPitch * 4) + tenMs];
        pitchBuffer = new float[maxPitch * 3];
        fullLevelSamples = tenMs;
        fadeEndSamples = Math.Max(fullLevelSamples + 1, sampleRate * fadeMs / 1000);
    }

    /// <summary>True while a loss is being concealed (until good audio is merged in).</summary>
    public bool Active => erasedSamples > 0;

    /// <summary>True once the concealment has faded to silence.</summary>
    public bool Faded => erasedSamples >= fadeEndSamples;

    /// <summary>Appends good, played audio to the history.</summary>
    public void Observe(ReadOnlySpan<float> played)
    {
        if (played.Length >= history.Length)
        {
            played[^history.Length..].CopyTo(history);
            historyFill = history.Length;
            return;
        }

        int keep = Math.Min(historyFill, history.Length - played.Length);
        Array.Copy(history, historyFill - keep, history, 0, keep);
        played.CopyTo(history.AsSpan(keep));
        historyFill = keep + played.Length;
    }

    /// <summary>Fills <paramref name="output"/> with the continuation of the history; returns
    /// the number of samples that carried signal (before the fade reached zero).</summary>
    public int Conceal(Span<float> output)
    {
        if (erasedSamples == 0)
        {
            Start();
        }

        int audible = 0;
        for (int i = 0; i < output.Length; i++)
        {
            if (pitch == 0 || erasedSamples >= fadeEndSamples)
            {
                output[i] = 0;
                erasedSamples++;
                continue;
            }

            // I.2.3: after each further 10 ms, cycle over one more pitch period (up to 3).
            int wanted = Math.Min(3, 1 + (erasedSamples / tenMs));
            if (wanted != periods && position % pitch == 0)
            {
                periods = wanted;
                position = 0;
            }

            int span = pitch * periods;
            float sample = pitchBuffer[pitchBuffer.Length - span + (position % span)];
            position++;
            float gain = erasedSamples < fullLevelSamples
                ? 1f
                : 1f - ((float)(erasedSamples - fullLevelSamples) / (fadeEndSamples - fullLevelSamples));
            output[i] = sample * gain;
            erasedSamples++;
            audible++;
        }

        Observe(output);
        return audible;
    }

    /// <summary>I.2.5: cross-fades the running concealment into the first good frame (4 ms,
    /// plus 4 ms per further 10 ms of loss, at most 10 ms), then ends the erasure.</summary>
    public void MergeInto(Span<float> goodFrame)
    {
        if (erasedSamples == 0)
        {
            return;
        }

        if (!Faded && pitch > 0)
        {
            int ms = Math.Min(10, 4 + (4 * ((erasedSamples / tenMs) - 1)));
            int length = Math.Min(goodFrame.Length, Math.Max(1, tenMs * Math.Max(ms, 4) / 10));
            Span<float> tail = length <= 2048 ? stackalloc float[length] : new float[length];
            Conceal(tail);
            for (int i = 0; i < length; i++)
            {
                float w = (float)(i + 1) / (length + 1);
                goodFrame[i] = (goodFrame[i] * w) + (tail[i] * (1 - w));
            }
        }

        erasedSamples = 0;
    }

    /// <summary>Forgets the history (new stream).</summary>
    public void Reset()
    {
        historyFill = 0;
        erasedSamples = 0;
        pitch = 0;
    }

    private void Start()
    {
        periods = 1;
        position = 0;
        pitch = historyFill >= pitchBuffer.Length + minPitch ? FindPitch() : 0;
        if (pitch > 0)
        {
            history.AsSpan(historyFill - pitchBuffer.Length, pitchBuffer.Length).CopyTo(pitchBuffer);
        }
    }

    /// <summary>I.2.2: the lag in [minPitch, maxPitch] whose normalised correlation between the
    /// newest stretch of history (one longest period) and the history that lag earlier is highest.</summary>
    private int FindPitch()
    {
        ReadOnlySpan<float> h = history.AsSpan(0, historyFill);
        int window = Math.Min(maxPitch, h.Length - maxPitch);
        ReadOnlySpan<float> recent = h[^window..];
        int best = minPitch;
        double bestScore = double.NegativeInfinity;
        for (int lag = minPitch; lag <= maxPitch && h.Length - window - lag >= 0; lag++)
        {
            ReadOnlySpan<float> earlier = h.Slice(h.Length - window - lag, window);
            double cross = 0;
            double energy = 1e-9;
            for (int i = 0; i < window; i++)
            {
                cross += recent[i] * earlier[i];
                energy += earlier[i] * earlier[i];
            }

            double score = cross / Math.Sqrt(energy);
            if (score > bestScore)
            {
                bestScore = score;
                best = lag;
            }
        }

        return best;
    }
}
