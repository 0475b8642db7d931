namespace PagingServer.Media.Jitter;

/// <summary>
/// Small, pitch-synchronous changes of a frame's length (overlap-add at the lag of best
/// correlation, as WSOLA does), used by the jitter buffer to follow its target delay and a
/// sender clock that runs fast or slow. Works in place on a caller-owned buffer.
/// </summary>
internal static class TimeStretch
{
    /// <summary>Removes between <paramref name="minLag"/> and <paramref name="maxLag"/> samples
    /// from <c>frame[..length]</c>; returns the number removed (0 when the frame is too short).</summary>
    public static int Shorten(Span<float> frame, int length, int minLag, int maxLag, int fade)
    {
        maxLag = Math.Min(maxLag, length - fade);
        if (maxLag < minLag || fade < 1)
        {
            return 0;
        }

        // Fade from frame[i] to frame[i + lag] over the first 'fade' samples, then continue
        // from frame[lag + fade]: the lag is chosen so the two stretches look alike.
        int lag = BestLag(frame, 0, minLag, maxLag, fade, forward: true);
        for (int i = 0; i < fade; i++)
        {
            float w = (float)(i + 1) / (fade + 1);
            frame[i] = (frame[i] * (1 - w)) + (frame[i + lag] * w);
        }

        frame[(lag + fade)..length].CopyTo(frame[fade..]);
        return lag;
    }

    /// <summary>Adds between <paramref name="minLag"/> and <paramref name="maxLag"/> samples to
    /// <c>frame[..length]</c> (the span must have room); returns the number added.</summary>
    public static int Lengthen(Span<float> frame, int length, int minLag, int maxLag, int fade)
    {
        maxLag = Math.Min(Math.Min(maxLag, length - fade), frame.Length - length);
        if (maxLag < minLag || fade < 1)
        {
            return 0;
        }

        // Output: frame[..start], then a fade from frame[start..end] to the copy one lag
        // earlier, then frame[start - lag + fade ..] again: 'lag' samples longer.
        int start = length - fade;
        int lag = BestLag(frame, start, minLag, maxLag, fade, forward: false);
        frame[(start - lag + fade)..length].CopyTo(frame[(start + fade)..]);
        for (int i = 0; i < fade; i++)
        {
            float w = (float)(i + 1) / (fade + 1);
            frame[start + i] = (frame[start + i] * (1 - w)) + (frame[start - lag + i] * w);
        }

        return lag;
    }

    private static int BestLag(ReadOnlySpan<float> frame, int at, int minLag, int maxLag, int fade, bool forward)
    {
        int best = minLag;
        double bestScore = double.NegativeInfinity;
        for (int lag = minLag; lag <= maxLag; lag++)
        {
            int other = forward ? at + lag : at - lag;
            if (other < 0)
            {
                break;
            }

            double cross = 0;
            double energy = 1e-9;
            for (int i = 0; i < fade; i++)
            {
                cross += frame[at + i] * frame[other + i];
                energy += frame[other + i] * frame[other + i];
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
