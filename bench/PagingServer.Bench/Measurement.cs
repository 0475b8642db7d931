using System.Globalization;

namespace PagingServer.Bench;

/// <summary>One figure of the benchmark: repeated samples, reported as their median.</summary>
internal sealed record Measurement(string Group, string Name, string Unit, IReadOnlyList<double> Samples, string Note = "")
{
    public double Median
    {
        get
        {
            double[] sorted = [.. Samples.Order()];
            return sorted.Length == 0 ? double.NaN
                : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
                : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    public double Min => Samples.Min();

    public double Max => Samples.Max();

    public string Format(double value) => value.ToString(value >= 100 ? "0" : "0.###", CultureInfo.InvariantCulture);
}
