namespace PagingServer.Media.Klaxon;

/// <summary>
/// Maps source channels onto the requested layout. A source with exactly the requested count
/// keeps its channels; any other source is mixed down to mono, and mono is copied to every
/// output channel (a PA zone plays the same alert on every speaker).
/// </summary>
internal static class ChannelMap
{
    /// <summary>The channel count to resample in: the target count when the source already
    /// has it, otherwise 1 (resampling one channel and copying it is cheaper).</summary>
    public static int WorkingChannels(int sourceChannels, int targetChannels) =>
        sourceChannels == targetChannels ? targetChannels : 1;

    /// <summary>Averages all channels of each frame into one.</summary>
    public static float[] MixToMono(ReadOnlySpan<float> interleaved, int frames, int channels)
    {
        float[] mono = new float[frames];
        if (channels == 1)
        {
            interleaved[..frames].CopyTo(mono);
            return mono;
        }

        float scale = 1f / channels;
        for (int f = 0; f < frames; f++)
        {
            float sum = 0;
            ReadOnlySpan<float> frame = interleaved.Slice(f * channels, channels);
            foreach (float s in frame)
            {
                sum += s;
            }

            mono[f] = sum * scale;
        }

        return mono;
    }

    /// <summary>Copies each mono sample to <paramref name="channels"/> interleaved channels.</summary>
    public static float[] Spread(ReadOnlySpan<float> mono, int frames, int channels)
    {
        if (channels == 1)
        {
            return mono[..frames].ToArray();
        }

        float[] output = new float[frames * channels];
        for (int f = 0; f < frames; f++)
        {
            output.AsSpan(f * channels, channels).Fill(mono[f]);
        }

        return output;
    }
}
