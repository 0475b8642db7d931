using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PagingServer.Bench;

/// <summary>Writes the measurements as Markdown tables for people and as JSON for tools.</summary>
internal static class Report
{
    public static void Write(string folder, IReadOnlyList<Measurement> measurements, IReadOnlyDictionary<string, string> machine)
    {
        Directory.CreateDirectory(folder);
        var md = new StringBuilder();
        md.Append("# PagingServer benchmark results\n\n");
        md.Append("Written by `make bench`; README.md, \"Benchmarks\", says how each figure is taken. ");
        md.Append("*paging* is the published binary, *baresip* the peer doing the same job (auto-answer JACK endpoint); ");
        md.Append("ratio is paging's median over baresip's (below 1: paging is lower).\n\n");
        foreach (var (key, value) in machine)
            md.Append("- ").Append(key).Append(": ").Append(value).Append('\n');
        foreach (var group in measurements.GroupBy(m => m.Group))
        {
            md.Append("\n## ").Append(group.Key).Append("\n\n| figure | paging median | min | max | p99 | runs | baresip median | ratio | unit | note |\n|---|---|---|---|---|---|---|---|---|---|\n");
            foreach (Measurement m in group)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {m.Name} | {m.Format(m.Median)} | {m.Format(m.Min)} | {m.Format(m.Max)} | {(m.Samples.Count >= 20 ? m.Format(m.P99) : "")} | {m.Samples.Count} | {m.Format(m.PeerMedian)} | {(double.IsNaN(m.Ratio) ? "" : m.Ratio.ToString("0.00", CultureInfo.InvariantCulture))} | {m.Unit} | {m.Note} |\n");
            }
        }
        File.WriteAllText(Path.Combine(folder, "results.md"), md.ToString());

        using var stream = File.Create(Path.Combine(folder, "results.json"));
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("machine");
        foreach (var (key, value) in machine)
            json.WriteString(key, value);
        json.WriteEndObject();
        json.WriteStartArray("measurements");
        foreach (Measurement m in measurements)
        {
            json.WriteStartObject();
            json.WriteString("group", m.Group);
            json.WriteString("name", m.Name);
            json.WriteString("unit", m.Unit);
            Number(json, "median", m.Median);
            Number(json, "min", m.Min);
            Number(json, "max", m.Max);
            Number(json, "p99", m.P99);
            Samples(json, "samples", m.Samples);
            if (m.Peer is { Count: > 0 })
            {
                Number(json, "peer_median", m.PeerMedian);
                Number(json, "ratio", m.Ratio);
                Samples(json, "peer_samples", m.Peer);
            }
            json.WriteString("note", m.Note);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    // JSON has no NaN or infinity: a figure that does not apply is null.
    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
            json.WriteNumber(name, Math.Round(value, 4));
        else
            json.WriteNull(name);
    }

    private static void Samples(Utf8JsonWriter json, string name, IReadOnlyList<double> samples)
    {
        json.WriteStartArray(name);
        foreach (double s in samples)
            json.WriteNumberValue(Math.Round(s, 4));
        json.WriteEndArray();
    }
}
