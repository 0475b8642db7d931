using PagingServer.Media.Klaxon;

namespace PagingServer.Media.Tests.Klaxon;

public sealed class CacheTests
{
    private static KlaxonRequest Request(string source, string cacheDir, int rate = 48000, int channels = 1, double maxSeconds = 0) =>
        new(source, rate, channels, TimeSpan.FromSeconds(maxSeconds), cacheDir);

    [Fact]
    public void The_first_load_builds_an_entry_and_the_second_is_a_hit_with_the_same_samples()
    {
        using var dir = new TempDirectory();
        string source = Sources.Make(dir, "flac");
        string cache = dir.File("cache");

        KlaxonResult built = KlaxonLoader.Load(Request(source, cache));
        KlaxonResult hit = KlaxonLoader.Load(Request(source, cache));

        Assert.True(built.Succeeded, built.Error);
        Assert.False(built.CacheHit);
        Assert.NotNull(built.CachePath);
        Assert.True(File.Exists(built.CachePath));
        Assert.StartsWith(cache, built.CachePath, StringComparison.Ordinal);
        Assert.True(hit.CacheHit);
        Assert.Null(hit.Decoder);
        Assert.Equal(built.CachePath, hit.CachePath);
        Assert.Equal(built.Samples, hit.Samples);
        Assert.Empty(hit.Warnings);
        Assert.Empty(Directory.GetFiles(cache, "*.tmp"));
    }

    [Fact]
    public void Changing_the_source_bytes_makes_a_new_entry_with_the_new_sound()
    {
        using var dir = new TempDirectory();
        string cache = dir.File("cache");
        string source = dir.File("klaxon.wav");
        File.Copy(Sources.Make(dir, "wav16"), source);
        KlaxonResult first = KlaxonLoader.Load(Request(source, cache));

        File.Copy(Sources.Make(dir, "wav16", toneHz: 660), source, overwrite: true);
        KlaxonResult second = KlaxonLoader.Load(Request(source, cache));

        Assert.False(second.CacheHit);
        Assert.NotEqual(first.CachePath, second.CachePath);
        Assert.InRange(Signal.FrequencyHz(second.Samples, 48000), 659.95, 660.05);
        Assert.Equal(2, Directory.GetFiles(cache, "klaxon-*.f32").Length);
    }

    [Fact]
    public void Rate_layout_and_length_limit_each_get_their_own_entry()
    {
        using var dir = new TempDirectory();
        string source = Sources.Make(dir, "wav16");
        string cache = dir.File("cache");

        string?[] paths =
        [
            KlaxonLoader.Load(Request(source, cache)).CachePath,
            KlaxonLoader.Load(Request(source, cache, rate: 44100)).CachePath,
            KlaxonLoader.Load(Request(source, cache, channels: 2)).CachePath,
            KlaxonLoader.Load(Request(source, cache, maxSeconds: 1)).CachePath,
            KlaxonLoader.Load(Request(source, cache) with { Resampler = KlaxonResampler.SpeexDsp }).CachePath,
        ];

        Assert.All(paths, Assert.NotNull);
        Assert.Equal(paths.Length, paths.Distinct().Count());
    }

    [Fact]
    public void A_truncated_entry_is_rebuilt_with_a_warning()
    {
        using var dir = new TempDirectory();
        string source = Sources.Make(dir, "wav16");
        string cache = dir.File("cache");
        KlaxonResult built = KlaxonLoader.Load(Request(source, cache));
        long length = new FileInfo(built.CachePath!).Length;
        using (var stream = new FileStream(built.CachePath!, FileMode.Open))
        {
            stream.SetLength(length / 2);
        }

        var log = new List<string>();
        KlaxonResult rebuilt = KlaxonLoader.Load(Request(source, cache), log.Add);

        Assert.True(rebuilt.Succeeded, rebuilt.Error);
        Assert.False(rebuilt.CacheHit);
        Assert.Contains(rebuilt.Warnings, w => w.Contains("damaged", StringComparison.Ordinal) && w.Contains(built.CachePath!, StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith("warning:", StringComparison.Ordinal));
        Assert.Equal(built.Samples, rebuilt.Samples);
        Assert.Equal(length, new FileInfo(built.CachePath!).Length);
        Assert.True(KlaxonLoader.Load(Request(source, cache)).CacheHit);
    }

    [Theory]
    [InlineData(3)] // magic
    [InlineData(21)] // reserved header word: only the checksum notices
    [InlineData(40)] // key
    [InlineData(70)] // checksum itself
    [InlineData(KlaxonCacheFile.HeaderLength + 5001)] // a sample
    public void An_entry_with_one_flipped_byte_is_rebuilt(int offset)
    {
        using var dir = new TempDirectory();
        string source = Sources.Make(dir, "wav16");
        string cache = dir.File("cache");
        KlaxonResult built = KlaxonLoader.Load(Request(source, cache));
        byte[] bytes = File.ReadAllBytes(built.CachePath!);
        bytes[offset] ^= 0x10;
        File.WriteAllBytes(built.CachePath!, bytes);

        KlaxonResult rebuilt = KlaxonLoader.Load(Request(source, cache));

        Assert.False(rebuilt.CacheHit);
        Assert.Contains(rebuilt.Warnings, w => w.Contains("damaged", StringComparison.Ordinal));
        Assert.Equal(built.Samples, rebuilt.Samples);
        Assert.True(KlaxonLoader.Load(Request(source, cache)).CacheHit);
    }

    [Fact]
    public void A_cache_directory_that_cannot_be_created_gives_an_in_memory_klaxon_and_a_warning()
    {
        using var dir = new TempDirectory();
        string source = Sources.Make(dir, "wav16");
        // Its parent is a regular file: mkdir fails with ENOTDIR even for root.
        string blocker = dir.File("not-a-directory");
        File.WriteAllText(blocker, "x");
        string cache = Path.Combine(blocker, "cache");
        var log = new List<string>();

        KlaxonResult result = KlaxonLoader.Load(Request(source, cache), log.Add);

        Assert.True(result.Succeeded, result.Error);
        Assert.False(result.CacheHit);
        Assert.Null(result.CachePath);
        Assert.Equal(96000, result.Frames);
        Assert.InRange(Signal.FrequencyHz(result.Samples, 48000), 879.95, 880.05);
        string warning = Assert.Single(result.Warnings);
        Assert.Contains(cache, warning, StringComparison.Ordinal);
        Assert.Contains(log, l => l.Contains(warning, StringComparison.Ordinal));
    }

    [Fact]
    public void Temporary_files_of_dead_writers_are_removed_and_those_of_live_ones_kept()
    {
        using var dir = new TempDirectory();
        string source = Sources.Make(dir, "wav16");
        string cache = dir.File("cache");
        string entry = KlaxonLoader.Load(Request(source, cache)).CachePath!;
        int deadPid;
        using (var exited = System.Diagnostics.Process.Start(Tools.Require("true")))
        {
            exited.WaitForExit();
            deadPid = exited.Id;
        }

        string dead = $"{Path.GetDirectoryName(entry)}/.{Path.GetFileName(entry)}.{deadPid}.0123abcd.tmp";
        string live = $"{Path.GetDirectoryName(entry)}/.{Path.GetFileName(entry)}.{Environment.ProcessId}.4567cdef.tmp";
        File.WriteAllText(dead, "half");
        File.WriteAllText(live, "half");
        File.Delete(entry);

        KlaxonLoader.Load(Request(source, cache));

        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(live));
    }

    [Fact]
    public void Progress_rises_to_one_while_converting_and_is_one_on_a_hit()
    {
        using var dir = new TempDirectory();
        string source = Sources.Make(dir, "flac", seconds: 6);
        string cache = dir.File("cache");
        var converting = new RecordingProgress();
        var hit = new RecordingProgress();

        KlaxonLoader.Load(Request(source, cache), progress: converting);
        KlaxonLoader.Load(Request(source, cache), progress: hit);

        Assert.True(converting.Values.Count > 5, $"only {converting.Values.Count} progress reports");
        Assert.Contains(converting.Values, v => v is > 0.1 and < 0.9);
        Assert.Equal(converting.Values.Order(), converting.Values);
        Assert.Equal(1.0, converting.Values[^1]);
        Assert.Equal([1.0], hit.Values);
    }

    private sealed class RecordingProgress : IProgress<double>
    {
        public List<double> Values { get; } = [];

        public void Report(double value) => Values.Add(value);
    }
}
