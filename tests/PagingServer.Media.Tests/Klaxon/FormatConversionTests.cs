using PagingServer.Media.Klaxon;
using Xunit.Abstractions;

namespace PagingServer.Media.Tests.Klaxon;

public sealed class FormatConversionTests(ITestOutputHelper output)
{
    /// <summary>Half-scale sine: RMS is 0.5/sqrt(2), about -9.03 dBFS.</summary>
    private static readonly double ExpectedRmsDb = 20 * Math.Log10(Sources.Amplitude / Math.Sqrt(2));

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach ((string format, _, _) in Sources.Formats)
        {
            data.Add(format, 44100);
            data.Add(format, 48000);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_format_converts_to_the_target_rate_like_the_sox_reference(string format, int rate)
    {
        (_, bool lossy, bool ffmpegOnly) = Sources.Formats.Single(f => f.Format == format);
        CheckAgainstReference(format, rate, KlaxonResampler.LibSampleRate, ffmpegOnly ? "ffmpeg" : "libsndfile", lossy);
    }

    [Theory]
    [InlineData("wav16", 44100)]
    [InlineData("flac", 48000)]
    [InlineData("mp3", 48000)]
    public void Speexdsp_at_quality_10_also_matches_the_sox_reference(string format, int rate)
    {
        (_, bool lossy, _) = Sources.Formats.Single(f => f.Format == format);
        CheckAgainstReference(format, rate, KlaxonResampler.SpeexDsp, "libsndfile", lossy);
    }

    private void CheckAgainstReference(string format, int rate, KlaxonResampler resampler, string decoder, bool lossy)
    {
        using var dir = new TempDirectory();
        string source = Sources.Make(dir, format);
        KlaxonResult result = KlaxonLoader.Load(
            new KlaxonRequest(source, rate, 1, TimeSpan.Zero, dir.File("cache")) { Resampler = resampler });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(decoder, result.Decoder);
        Assert.Equal(rate, result.SampleRate);
        Assert.Equal(1, result.Channels);
        float[] reference = Reference.Convert(dir, source, rate, decodeWithFfmpeg: lossy);
        double frequency = Signal.FrequencyHz(result.Samples, rate);
        double level = Signal.RmsDb(result.Samples);
        int lag = Signal.BestLag(result.Samples, reference, maxLag: 2048);
        double snr = Signal.SnrDb(result.Samples, reference, lag);
        output.WriteLine($"{format} -> {rate} Hz via {resampler}: {frequency:F3} Hz, {level:F3} dBFS "
            + $"(reference {Signal.RmsDb(reference):F3}), lag {lag}, SNR {snr:F1} dB, {result.Frames} frames (reference {reference.Length})");

        Assert.InRange(frequency, Sources.ToneHz - 0.05, Sources.ToneHz + 0.05);
        Assert.InRange(level, Signal.RmsDb(reference) - 0.5, Signal.RmsDb(reference) + 0.5);
        Assert.InRange(level, ExpectedRmsDb - 0.5, ExpectedRmsDb + 0.5);
        Assert.True(snr >= 60, $"SNR {snr:F1} dB against the reference is below 60 dB");
        Assert.InRange(result.Frames, reference.Length - (rate / 10), reference.Length + (rate / 10));
    }
}
