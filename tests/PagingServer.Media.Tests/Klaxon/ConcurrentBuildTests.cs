using System.Diagnostics;
using PagingServer.Media.Klaxon;
using Xunit.Abstractions;

namespace PagingServer.Media.Tests.Klaxon;

public sealed class ConcurrentBuildTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_processes_building_the_same_entry_at_once_both_end_with_a_good_file()
    {
        using var dir = new TempDirectory();
        // Long enough that both processes are converting at the same time.
        string source = Sources.Make(dir, "flac", seconds: 20);
        string cache = dir.File("cache");
        string go = dir.File("go");
        string probe = Path.Combine(AppContext.BaseDirectory, "PagingServer.Media.CacheProbe.dll");
        Assert.True(File.Exists(probe), $"probe not built at {probe}");

        Process[] probes = [Start(probe, source, cache, go), Start(probe, source, cache, go)];
        Task<string>[] stdout = [.. probes.Select(p => p.StandardOutput.ReadToEndAsync())];
        Task<string>[] stderr = [.. probes.Select(p => p.StandardError.ReadToEndAsync())];
        File.WriteAllText(go, "go");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await Task.WhenAll(probes.Select(p => p.WaitForExitAsync(timeout.Token)));
        string[] lines = [.. (await Task.WhenAll(stdout)).Select(s => s.Trim())];
        string[] errors = await Task.WhenAll(stderr);
        for (int i = 0; i < probes.Length; i++)
        {
            output.WriteLine($"probe {i}: exit {probes[i].ExitCode}: {lines[i]} | {errors[i].Trim()}");
            Assert.Equal(0, probes[i].ExitCode);
            probes[i].Dispose();
        }

        // Same entry, same samples, and no warnings: neither saw the other's half-written file.
        Assert.Equal(Field(lines[0], "path"), Field(lines[1], "path"));
        Assert.Equal(Field(lines[0], "sha256"), Field(lines[1], "sha256"));
        Assert.All(lines, l => Assert.Equal("0", Field(l, "warnings")));
        Assert.Contains(lines, l => Field(l, "hit") == "False");
        KlaxonResult after = KlaxonLoader.Load(new KlaxonRequest(source, 48000, 1, TimeSpan.Zero, cache));
        Assert.True(after.CacheHit, string.Join("; ", after.Warnings));
        Assert.Equal(Field(lines[0], "path"), after.CachePath);
        Assert.Single(Directory.GetFiles(cache));
    }

    private static Process Start(string probe, string source, string cache, string go)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { probe, source, "48000", "1", cache, go })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static string Field(string line, string name) =>
        line.Split(' ').Select(f => f.Split('=', 2)).Single(kv => kv[0] == name)[1];
}
