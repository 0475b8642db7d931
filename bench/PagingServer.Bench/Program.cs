using System.Globalization;
using System.Runtime.InteropServices;
using PagingServer.Bench;

// Usage: PagingServer.Bench PUBLISHED_BINARY OUTPUT_FOLDER [RUNS] [PARTS]
// PARTS (comma-separated, default all): size, klaxon, idle, call, startup, soak.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: PagingServer.Bench PUBLISHED_BINARY OUTPUT_FOLDER [RUNS] [PARTS]");
    return 64;
}
string binary = Path.GetFullPath(args[0]);
string output = Path.GetFullPath(args[1]);
int runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 9;
var parts = (args.Length > 3 ? args[3] : "size,klaxon,idle,call,startup,soak").Split(',').ToHashSet();
string work = Directory.CreateTempSubdirectory("paging-bench-").FullName;
var started = System.Diagnostics.Stopwatch.StartNew();
try
{
    var measurements = new List<Measurement>();
    if (parts.Contains("size"))
        measurements.AddRange(SizeBench.Run(binary));
    if (parts.Contains("klaxon"))
        measurements.AddRange(KlaxonBench.Run(binary, work, runs));
    measurements.AddRange(Appliance.Run(binary, work, runs, parts));
    var machine = new Dictionary<string, string>
    {
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        ["cores"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
        ["os"] = RuntimeInformation.OSDescription,
        ["runs per figure"] = $"{runs} unless the runs column says otherwise",
        ["peer"] = Sh.Run("sh", "-c", "baresip -h 2>&1 | head -1").Trim(),
        ["benchmark took"] = $"{started.Elapsed.TotalMinutes:0.0} min",
    };
    Report.Write(output, measurements, machine);
    Console.WriteLine(File.ReadAllText(Path.Combine(output, "results.md")));
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}
