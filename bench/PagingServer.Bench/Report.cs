using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PagingServer.Bench;

/// <summary>Writes the measurements as a Markdown table for people and as JSON for tools.</summary>
internal static class Report
{
    public static void Write(string folder, IReadOnlyList<Measurement> measurements, IReadOnlyDictionary<string, string> machine)
    {
        Directory.CreateDirectory(folder);
        var md = new StringBuilder();
        md.Append("# PagingServer benchmark results\n\n");
        foreach (var (key, value) in machine)
            md.Append("- ").Append(key).Append(": ").Append(value).Append('\n');
        foreach (var group in measurements.GroupBy(m => m.Group))
        {
            md.Append("\n## ").Append(group.Key).Append("\n\n| figure | median | min | max | runs | unit | note |\n|---|---|---|---|---|---|---|\n");
            foreach (Measurement m in group)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {m.Name} | {m.Format(m.Median)} | {m.Format(m.Min)} | {m.Format(m.Max)} | {m.Samples.Count} | {m.Unit} | {m.Note} |\n");
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
            json.WriteNumber("median", m.Median);
            json.WriteNumber("min", m.Min);
            json.WriteNumber("max", m.Max);
            json.WriteStartArray("samples");
            foreach (double s in m.Samples)
                json.WriteNumberValue(s);
            json.WriteEndArray();
            json.WriteString("note", m.Note);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
