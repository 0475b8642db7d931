using System.Globalization;
using System.Runtime.InteropServices;
using PagingServer.Bench;

// Usage: PagingServer.Bench PUBLISHED_BINARY OUTPUT_FOLDER [RUNS]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: PagingServer.Bench PUBLISHED_BINARY OUTPUT_FOLDER [RUNS]");
    return 64;
}
string binary = Path.GetFullPath(args[0]);
string output = Path.GetFullPath(args[1]);
int runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 9;
string work = Directory.CreateTempSubdirectory("paging-bench-").FullName;
try
{
    var measurements = new List<Measurement>
    {
        new("Binary", "size of the published binary", "KiB", [new FileInfo(binary).Length / 1024.0], "NativeAOT, trimmed, stripped"),
    };
    measurements.AddRange(KlaxonBench.Run(binary, work, runs));
    var machine = new Dictionary<string, string>
    {
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        ["cores"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
        ["os"] = RuntimeInformation.OSDescription,
        ["runs per figure"] = runs.ToString(CultureInfo.InvariantCulture),
    };
    Report.Write(output, measurements, machine);
    Console.WriteLine(File.ReadAllText(Path.Combine(output, "results.md")));
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}
