namespace PagingServer.Media.Klaxon;

/// <summary>Cuts a klaxon at the length limit and fades the last moments out so the cut
/// does not click.</summary>
internal static class CutFade
{
    /// <summary>Frames kept for a limit at a rate; <see cref="long.MaxValue"/> without a limit.</summary>
    public static long LimitFrames(TimeSpan maxLength, int sampleRate) =>
        maxLength <= TimeSpan.Zero ? long.MaxValue : (long)Math.Round(maxLength.TotalSeconds * sampleRate);

    /// <summary>
    /// When <paramref name="frames"/> exceeds <paramref name="limitFrames"/>, applies a
    /// half-cosine fade to the frames before the limit, ending at zero on the last kept frame.
    /// </summary>
    /// <returns>The number of frames to keep.</returns>
    public static int Apply(Span<float> interleaved, int frames, int channels, long limitFrames, int fadeFrames)
    {
        if (frames <= limitFrames)
        {
            return frames;
        }

        int kept = (int)limitFrames;
        int fade = Math.Min(fadeFrames, kept);
        int first = kept - fade;
        for (int i = 0; i < fade; i++)
        {
            // Gain runs from just under 1 down to exactly 0 on the last kept frame.
            float gain = (float)(0.5 * (1 + Math.Cos(Math.PI * (i + 1) / fade)));
            Span<float> frame = interleaved.Slice((first + i) * channels, channels);
            foreach (ref float s in frame)
            {
                s *= gain;
            }
        }

        return kept;
    }
}
