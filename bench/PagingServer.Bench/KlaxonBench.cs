using System.Diagnostics;
using PagingServer.Media.Klaxon;

namespace PagingServer.Bench;

/// <summary>
/// Issue 4's start-up goal: a cache hit makes a 10 s klaxon ready in well under 50 ms. Measured
/// in-process (the library call) and as a fresh process (the published binary's
/// --build-klaxon-cache on a warm cache: exec, config, cache check and load, exit).
/// </summary>
internal static class KlaxonBench
{
    public static IEnumerable<Measurement> Run(string binary, string work, int runs)
    {
        string source = Path.Combine(work, "klaxon.wav");
        Sh.Run("sox", "-n", "-r", "44100", "-c", "2", source, "synth", "10", "sine", "880");
        string cache = Path.Combine(work, "cache");

        var cold = new List<double>();
        var hit = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            string fresh = Path.Combine(work, $"cold-{i}");
            var request = new KlaxonRequest(source, 48000, 1, TimeSpan.FromSeconds(10), fresh);
            cold.Add(Time(() => KlaxonLoader.Load(request)));
        }
        var warm = new KlaxonRequest(source, 48000, 1, TimeSpan.FromSeconds(10), cache);
        KlaxonLoader.Load(warm);
        for (int i = 0; i < runs; i++)
            hit.Add(Time(() => KlaxonLoader.Load(warm)));
        yield return new Measurement("Klaxon cache (10 s, 44.1 kHz stereo source, 48 kHz mono target)", "cache miss: decode, resample, write", "ms", cold);
        yield return new Measurement("Klaxon cache (10 s, 44.1 kHz stereo source, 48 kHz mono target)", "cache hit, in process", "ms", hit, "goal: well under 50 ms");

        string conf = Path.Combine(work, "bench.conf");
        File.WriteAllText(conf, $"[audio]\nklaxon = {source}\nklaxon-cache-dir = {cache}\n");
        var process = new List<double>();
        for (int i = 0; i < runs; i++)
            process.Add(Time(() => Sh.Run(binary, "--build-klaxon-cache", "--sample-rate", "48000", conf)));
        yield return new Measurement("Klaxon cache (10 s, 44.1 kHz stereo source, 48 kHz mono target)", "cache hit, whole process (exec to exit)", "ms", process);
    }

    private static double Time(Action action)
    {
        long start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
