using System.Globalization;

namespace PagingServer.Bench;

/// <summary>
/// One figure of the benchmark: repeated samples, reported as their median, and the peer's
/// samples of the same figure where the peer has it (the ratio is ours over the peer's).
/// </summary>
internal sealed record Measurement(string Group, string Name, string Unit, IReadOnlyList<double> Samples, string Note = "", IReadOnlyList<double>? Peer = null)
{
    public double Median => MedianOf(Samples);

    public double Min => Samples.Min();

    public double Max => Samples.Max();

    /// <summary>The value below which 99 % of the samples lie (nearest rank).</summary>
    public double P99 => Percentile(Samples, 0.99);

    public double PeerMedian => Peer is { Count: > 0 } ? MedianOf(Peer) : double.NaN;

    public double Ratio => Peer is { Count: > 0 } && Math.Abs(PeerMedian) > 1e-9 ? Median / PeerMedian : double.NaN;

    public static double MedianOf(IReadOnlyList<double> samples)
    {
        double[] sorted = [.. samples.Order()];
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static double Percentile(IReadOnlyList<double> samples, double p)
    {
        double[] sorted = [.. samples.Order()];
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public string Format(double value) =>
        !double.IsFinite(value) ? "—" : value.ToString(Math.Abs(value) >= 100 ? "0" : "0.###", CultureInfo.InvariantCulture);
}
