namespace PagingServer.Media.Codecs;

/// <summary>Float/16-bit sample conversions shared by the codecs.</summary>
internal static class SampleConvert
{
    /// <summary>Scales by 32768, rounds to nearest and saturates (NaN becomes 0).</summary>
    public static short ToInt16(float sample)
    {
        float scaled = MathF.Round(sample * 32768f);
        if (scaled >= short.MaxValue)
        {
            return short.MaxValue;
        }

        if (scaled <= short.MinValue)
        {
            return short.MinValue;
        }

        return float.IsNaN(scaled) ? (short)0 : (short)scaled;
    }
}
