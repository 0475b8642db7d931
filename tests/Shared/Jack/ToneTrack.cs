namespace PagingServer.Testing;

/// <summary>
/// A recording read as one tone's level over time: the amplitude at a frequency in each 50 ms
/// window, and the median over a stretch of windows (a cycle the dummy driver loses leaves one
/// window short; the median ignores it).
/// </summary>
public static class ToneTrack
{
    public const int Window = JackServer.Rate / 20;

    public const double WindowSeconds = (double)Window / JackServer.Rate;

    /// <summary>The tone's amplitude in each 50 ms window.</summary>
    public static List<double> Of(float[] x, double hz)
    {
        var track = new List<double>();
        for (int start = 0; start + Window <= x.Length; start += Window)
            track.Add(Tone.Amplitude(x.AsSpan(start, Window), hz));
        return track;
    }

    /// <summary>The median of windows <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive); at least one window.</summary>
    public static double Median(List<double> track, int from, int to)
    {
        var part = track.Skip(from).Take(Math.Max(1, to - from)).Order().ToList();
        return part.Count == 0 ? 0 : part[part.Count / 2];
    }

    /// <summary>The track as text, for an assertion message.</summary>
    public static string Show(List<double> track) =>
        string.Join(' ', track.Select(v => v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
}
