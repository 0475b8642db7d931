namespace PagingServer.Testing;

/// <summary>Signal measurements over recorded samples.</summary>
public static class Tone
{
    public static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (var v in x)
        {
            sum += v * v;
        }

        return x.Length == 0 ? 0 : Math.Sqrt(sum / x.Length);
    }

    public static double Peak(ReadOnlySpan<float> x)
    {
        double peak = 0;
        foreach (var v in x)
        {
            peak = Math.Max(peak, Math.Abs(v));
        }

        return peak;
    }

    /// <summary>Amplitude of the sinusoid at <paramref name="hz"/> (a single DFT bin).</summary>
    public static double Amplitude(ReadOnlySpan<float> x, double hz, int rate = JackServer.Rate)
    {
        double re = 0, im = 0;
        var w = 2 * Math.PI * hz / rate;
        for (var i = 0; i < x.Length; i++)
        {
            re += x[i] * Math.Cos(w * i);
            im -= x[i] * Math.Sin(w * i);
        }

        return x.Length == 0 ? 0 : 2 * Math.Sqrt(re * re + im * im) / x.Length;
    }

    /// <summary>Share of the signal's power in the tone at <paramref name="hz"/> (1 = pure tone).</summary>
    public static double Purity(ReadOnlySpan<float> x, double hz)
    {
        var rms = Rms(x);
        return rms == 0 ? 0 : Amplitude(x, hz) / Math.Sqrt(2) / rms;
    }

    /// <summary>The gain that best maps <paramref name="input"/> onto <paramref name="output"/>
    /// (least squares), for signals recorded in the same JACK cycles; gaps in the input (a
    /// starved player) cancel out.</summary>
    public static double Gain(ReadOnlySpan<float> output, ReadOnlySpan<float> input)
    {
        double xy = 0, xx = 0;
        for (var i = 0; i < input.Length; i++)
        {
            xy += output[i] * input[i];
            xx += input[i] * input[i];
        }

        return xx == 0 ? 0 : xy / xx;
    }

    /// <summary>Median tone amplitude and median RMS over the windows (10 ms by default; choose
    /// whole periods of the tone) that are not silent, and the share of windows that are not.
    /// A producer thread starved by a loaded machine leaves gaps, and a cycle the managed test
    /// recorder missed shifts the phase; either skews one DFT over the whole recording, but
    /// only the window or two it falls in here.</summary>
    public static (double Amplitude, double Rms, double Audible) Windows(ReadOnlySpan<float> x, double hz, int window = 480)
    {
        var amps = new List<double>();
        var rmss = new List<double>();
        var total = x.Length / window;
        for (var w = 0; w < total; w++)
        {
            var span = x.Slice(w * window, window);
            var rms = Rms(span);
            if (rms > 0.01)
            {
                amps.Add(Amplitude(span, hz));
                rmss.Add(rms);
            }
        }

        if (amps.Count == 0)
        {
            return (0, 0, 0);
        }

        amps.Sort();
        rmss.Sort();
        return (amps[amps.Count / 2], rmss[rmss.Count / 2], (double)amps.Count / total);
    }

    public static float[] Sine(double hz, double amplitude, int samples, int rate = JackServer.Rate)
    {
        var s = new float[samples];
        for (var i = 0; i < samples; i++)
        {
            s[i] = (float)(amplitude * Math.Sin(2 * Math.PI * hz * i / rate));
        }

        return s;
    }
}
