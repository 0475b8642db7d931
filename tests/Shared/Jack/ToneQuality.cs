namespace PagingServer.Testing;

/// <summary>
/// How clean a recorded tone is, window by window (50 ms): the median window's level and SNR,
/// plus the SNR over the whole span. A window-wise figure is what an ear hears as "clean"; the
/// whole-span figure also counts phase jumps between windows (time-stretching, a stall), which
/// the report keeps visible.
/// </summary>
public readonly record struct ToneQuality(double MedianLevel, double MedianSnrDb, double WholeSnrDb)
{
    public static ToneQuality Measure(ReadOnlySpan<float> x, double hz, int rate, int window)
    {
        var levels = new List<double>();
        var snrs = new List<double>();
        for (int start = 0; start + window <= x.Length; start += window)
        {
            ReadOnlySpan<float> w = x.Slice(start, window);
            double amplitude = Tone.Amplitude(w, hz, rate);
            levels.Add(amplitude);
            snrs.Add(Snr(amplitude, Tone.Rms(w)));
        }
        levels.Sort();
        snrs.Sort();
        return new ToneQuality(levels[levels.Count / 2], snrs[snrs.Count / 2], Snr(Tone.Amplitude(x, hz, rate), Tone.Rms(x)));
    }

    private static double Snr(double amplitude, double rms)
    {
        double tone = amplitude * amplitude / 2;
        return 10 * Math.Log10(tone / Math.Max(1e-12, rms * rms - tone));
    }

    public override string ToString() =>
        $"level {MedianLevel:0.000}, SNR {MedianSnrDb:0.0} dB (median of 50 ms windows), {WholeSnrDb:0.0} dB over the whole span";
}
