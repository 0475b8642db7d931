using System.Runtime.InteropServices;

namespace PagingServer.Media.Tests.Codecs;

/// <summary>Runs the real ffmpeg to make reference streams and decodings.</summary>
internal static class Ffmpeg
{
    public static void Run(params string[] args)
    {
        string ffmpeg = Tool.Require("ffmpeg", "ffmpeg");
        ProcessRun run = ProcessRun.Start(ffmpeg, ["-hide_banner", "-loglevel", "error", "-y", .. args], timeout: TimeSpan.FromSeconds(60));
        Assert.True(run.ExitCode == 0, $"ffmpeg {string.Join(' ', args)} failed: {run}");
    }

    public static short[] ReadS16(string path) => MemoryMarshal.Cast<byte, short>(File.ReadAllBytes(path)).ToArray();

    public static float[] ReadF32(string path) => MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(path)).ToArray();

    public static void WriteS16(string path, ReadOnlySpan<float> samples)
    {
        var data = new short[samples.Length];
        for (int i = 0; i < samples.Length; i++)
        {
            data[i] = (short)Math.Clamp(MathF.Round(samples[i] * 32768f), short.MinValue, short.MaxValue);
        }

        File.WriteAllBytes(path, MemoryMarshal.AsBytes(data.AsSpan()).ToArray());
    }
}

/// <summary>Signal comparisons for codec tests.</summary>
internal static class Signal
{
    /// <summary>SNR in dB of <paramref name="actual"/> against <paramref name="reference"/>
    /// over the common length, after shifting actual by <paramref name="lag"/> samples.</summary>
    public static double Snr(ReadOnlySpan<float> reference, ReadOnlySpan<float> actual, int lag = 0)
    {
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            int j = i + lag;
            if (j < 0 || j >= actual.Length)
            {
                continue;
            }

            signal += (double)reference[i] * reference[i];
            double e = reference[i] - actual[j];
            noise += e * e;
        }

        return noise == 0 ? double.PositiveInfinity : 10 * Math.Log10(signal / noise);
    }

    /// <summary>The lag in [-maxLag, maxLag] that gives the best SNR.</summary>
    public static (int Lag, double Snr) BestLag(ReadOnlySpan<float> reference, ReadOnlySpan<float> actual, int maxLag)
    {
        (int, double) best = (0, double.NegativeInfinity);
        for (int lag = -maxLag; lag <= maxLag; lag++)
        {
            double snr = Snr(reference, actual, lag);
            if (snr > best.Item2)
            {
                best = (lag, snr);
            }
        }

        return best;
    }

    public static float[] ToFloat(ReadOnlySpan<short> s)
    {
        var f = new float[s.Length];
        for (int i = 0; i < s.Length; i++)
        {
            f[i] = s[i] / 32768f;
        }

        return f;
    }

    public static double Rms(ReadOnlySpan<float> s)
    {
        double sum = 0;
        foreach (float x in s)
        {
            sum += x * x;
        }

        return s.Length == 0 ? 0 : Math.Sqrt(sum / s.Length);
    }
}
