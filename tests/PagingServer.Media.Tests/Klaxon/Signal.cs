using System.Numerics;

namespace PagingServer.Media.Tests.Klaxon;

/// <summary>Measurements on mono float signals.</summary>
internal static class Signal
{
    /// <summary>Tone frequency from rising zero crossings (interpolated between samples) over
    /// the middle of the signal, away from the fades.</summary>
    public static double FrequencyHz(ReadOnlySpan<float> x, int rate)
    {
        int from = x.Length / 10;
        int to = x.Length - from;
        double first = -1;
        double last = -1;
        int crossings = 0;
        for (int i = from; i < to - 1; i++)
        {
            if (x[i] < 0 && x[i + 1] >= 0)
            {
                double t = i + (x[i] / (x[i] - x[i + 1]));
                if (first < 0)
                {
                    first = t;
                }

                last = t;
                crossings++;
            }
        }

        return crossings < 2 ? 0 : (crossings - 1) * rate / (last - first);
    }

    /// <summary>RMS level in dB full scale over the middle half of the signal.</summary>
    public static double RmsDb(ReadOnlySpan<float> x)
    {
        ReadOnlySpan<float> mid = x.Slice(x.Length / 4, x.Length / 2);
        double sum = 0;
        foreach (float s in mid)
        {
            sum += s * (double)s;
        }

        return 10 * Math.Log10(sum / mid.Length);
    }

    /// <summary>The lag (samples of <paramref name="x"/> after <paramref name="reference"/>)
    /// with the highest cross-correlation within ±<paramref name="maxLag"/>.</summary>
    public static int BestLag(ReadOnlySpan<float> x, ReadOnlySpan<float> reference, int maxLag)
    {
        int best = 0;
        double bestScore = double.MinValue;
        for (int lag = -maxLag; lag <= maxLag; lag++)
        {
            double score = Dot(Shifted(x, reference, lag, out ReadOnlySpan<float> r), r);
            if (score > bestScore)
            {
                bestScore = score;
                best = lag;
            }
        }

        return best;
    }

    /// <summary>Signal-to-noise ratio of <paramref name="x"/> against <paramref name="reference"/>
    /// after aligning them by <paramref name="lag"/>, over their overlap.</summary>
    public static double SnrDb(ReadOnlySpan<float> x, ReadOnlySpan<float> reference, int lag)
    {
        ReadOnlySpan<float> a = Shifted(x, reference, lag, out ReadOnlySpan<float> r);
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - (double)r[i];
            signal += r[i] * (double)r[i];
            noise += d * d;
        }

        return noise == 0 ? double.PositiveInfinity : 10 * Math.Log10(signal / noise);
    }

    private static ReadOnlySpan<float> Shifted(ReadOnlySpan<float> x, ReadOnlySpan<float> reference, int lag, out ReadOnlySpan<float> r)
    {
        int xStart = Math.Max(lag, 0);
        int rStart = Math.Max(-lag, 0);
        int length = Math.Min(x.Length - xStart, reference.Length - rStart);
        r = reference.Slice(rStart, length);
        return x.Slice(xStart, length);
    }

    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var acc = Vector<float>.Zero;
        int i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        double sum = Vector.Sum(acc);
        for (; i < a.Length; i++)
        {
            sum += a[i] * (double)b[i];
        }

        return sum;
    }
}
