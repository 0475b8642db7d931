using PagingServer.Media.Klaxon;

namespace PagingServer.Media.Tests.Klaxon;

public sealed class ErrorTests
{
    [Fact]
    public void A_missing_file_is_a_failure_naming_it()
    {
        using var dir = new TempDirectory();
        string missing = dir.File("no-such-klaxon.wav");

        KlaxonResult result = KlaxonLoader.Load(new KlaxonRequest(missing, 48000, 1, TimeSpan.Zero, dir.File("cache")));

        Assert.False(result.Succeeded);
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Samples);
    }

    [Fact]
    public void A_file_nothing_can_decode_is_a_failure_naming_it_and_the_formats_that_work()
    {
        using var dir = new TempDirectory();
        Tools.Require("ffmpeg");
        string junk = dir.File("klaxon.bin");
        File.WriteAllBytes(junk, [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251))]);

        KlaxonResult result = KlaxonLoader.Load(new KlaxonRequest(junk, 48000, 1, TimeSpan.Zero, dir.File("cache")));

        Assert.False(result.Succeeded);
        Assert.Contains(junk, result.Error, StringComparison.Ordinal);
        Assert.Contains(KlaxonConverter.FormatsWithoutFfmpeg, result.Error, StringComparison.Ordinal);
        Assert.Contains("ffmpeg failed", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("cache")) && Directory.EnumerateFileSystemEntries(dir.File("cache")).Any());
    }

    [Fact]
    public void Libsndfile_really_cannot_read_aac_or_wma()
    {
        using var dir = new TempDirectory();
        foreach (string format in new[] { "aac", "wma" })
        {
            DecodeOutcome outcome = SndFileDecoder.Decode(Sources.Make(dir, format), TimeSpan.Zero, null);

            Assert.Equal(DecodeStatus.Unsupported, outcome.Status);
        }
    }

    [Fact]
    public void Without_ffmpeg_an_aac_file_fails_with_a_message_naming_ffmpeg_and_the_formats_that_work()
    {
        using var dir = new TempDirectory();
        string source = Sources.Make(dir, "aac");
        var request = new KlaxonRequest(source, 48000, 1, TimeSpan.Zero, dir.File("cache"))
        {
            FfmpegPath = dir.File("no-ffmpeg-here"),
        };

        KlaxonResult result = KlaxonLoader.Load(request);

        Assert.False(result.Succeeded);
        Assert.Contains(source, result.Error, StringComparison.Ordinal);
        Assert.Contains("ffmpeg is not available", result.Error, StringComparison.Ordinal);
        Assert.Contains(KlaxonConverter.FormatsWithoutFfmpeg, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_ffmpeg_the_libsndfile_formats_still_load()
    {
        using var dir = new TempDirectory();
        var request = new KlaxonRequest(Sources.Make(dir, "opus"), 48000, 1, TimeSpan.Zero, dir.File("cache"))
        {
            FfmpegPath = dir.File("no-ffmpeg-here"),
        };

        KlaxonResult result = KlaxonLoader.Load(request);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("libsndfile", result.Decoder);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(48000, 0)]
    [InlineData(48000, 65)]
    public void A_malformed_request_is_a_caller_bug_and_throws(int rate, int channels)
    {
        Assert.Throws<ArgumentException>(() => KlaxonLoader.Load(new KlaxonRequest("x.wav", rate, channels, TimeSpan.Zero, "/tmp")));
    }

    [Fact]
    public void A_missing_tool_fails_the_test_naming_the_tool()
    {
        Exception e = Assert.ThrowsAny<Exception>(() => Tools.Require("paging-no-such-tool-42"));

        Assert.Contains("paging-no-such-tool-42", e.Message, StringComparison.Ordinal);
        Assert.Contains("not installed", e.Message, StringComparison.Ordinal);
    }
}
