using System.Globalization;
using System.Security.Cryptography;
using System.Runtime.InteropServices;
using PagingServer.Media.Klaxon;

// Usage: CacheProbe SOURCE RATE CHANNELS CACHE_DIR GO_FILE
// Waits until GO_FILE exists (so several probes start converting together), loads the klaxon
// and prints one line: hit=<bool> path=<cache path> frames=<n> warnings=<n> sha256=<hash of the
// samples> ms=<time Load took>.
if (args.Length != 5)
{
    Console.Error.WriteLine("usage: CacheProbe SOURCE RATE CHANNELS CACHE_DIR GO_FILE");
    return 2;
}

var deadline = DateTime.UtcNow.AddSeconds(60);
while (!File.Exists(args[4]))
{
    if (DateTime.UtcNow > deadline)
    {
        Console.Error.WriteLine("timed out waiting for the go file");
        return 3;
    }

    Thread.Sleep(1);
}

var request = new KlaxonRequest(
    args[0],
    int.Parse(args[1], CultureInfo.InvariantCulture),
    int.Parse(args[2], CultureInfo.InvariantCulture),
    TimeSpan.Zero,
    args[3]);
long started = System.Diagnostics.Stopwatch.GetTimestamp();
KlaxonResult result = KlaxonLoader.Load(request, line => Console.Error.WriteLine(line));
double ms = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
if (!result.Succeeded)
{
    Console.Error.WriteLine(result.Error);
    return 1;
}

string hash = Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(result.Samples.AsSpan())));
Console.WriteLine($"hit={result.CacheHit} path={result.CachePath} frames={result.Frames} warnings={result.Warnings.Count} sha256={hash} ms={ms:F1}");
return 0;
