namespace PagingServer.Media.Jitter;

public sealed partial class JitterBuffer
{
    /// <summary>
    /// Moves the delay toward the target by shortening or lengthening the frame just decoded
    /// in <see cref="pending"/> by about one pitch period. This also absorbs a sender clock
    /// that runs fast or slow (±200 ppm is 0.2 ms per second): the delay drifts out of the
    /// dead band and is pulled back, so the buffer neither fills up nor runs dry.
    /// Returns the change in length.
    /// </summary>
    private int Stretch(int length)
    {
        // The dead band lies above the target, [target, target + 2 x hysteresis], so the
        // delay settles at or above jitter-min-ms rather than around it.
        int hysteresis = Ms(options.HysteresisMs);
        long error = offset - minTransit - TargetDelaySamples - hysteresis;
        int minLag = SampleRate / 400;
        int maxLag = SampleRate * 15 / 1000;
        if (error > hysteresis)
        {
            int removed = TimeStretch.Shorten(pending, length, minLag, (int)Math.Min(maxLag, error), minLag);
            offset -= removed;
            Statistics.CompressedSamples += removed;
            return -removed;
        }

        if (error < -hysteresis)
        {
            int added = TimeStretch.Lengthen(pending, length, minLag, (int)Math.Min(maxLag, hysteresis - error), minLag);
            offset += added;
            Statistics.ExpandedSamples += added;
            return added;
        }

        return 0;
    }
}
