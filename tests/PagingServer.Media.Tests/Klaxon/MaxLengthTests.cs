using PagingServer.Media.Klaxon;

namespace PagingServer.Media.Tests.Klaxon;

public sealed class MaxLengthTests
{
    private const int Rate = 48000;

    /// <summary>Largest step between neighbours of a half-scale 880 Hz sine at 48 kHz.</summary>
    private static readonly double ToneMaxStep = 2 * Math.PI * Sources.ToneHz * Sources.Amplitude / Rate;

    [Theory]
    [InlineData("flac")]
    [InlineData("aac")] // through ffmpeg, which is asked to stop early too
    public void A_source_longer_than_the_limit_is_cut_there_and_fades_to_silence_without_a_step(string format)
    {
        using var dir = new TempDirectory();
        string source = Sources.Make(dir, format, seconds: 3);
        KlaxonResult full = KlaxonLoader.Load(new KlaxonRequest(source, Rate, 1, TimeSpan.Zero, dir.File("cache")));

        KlaxonResult cut = KlaxonLoader.Load(new KlaxonRequest(source, Rate, 1, TimeSpan.FromSeconds(1), dir.File("cache")));

        Assert.True(cut.Succeeded, cut.Error);
        Assert.Equal(Rate, cut.Frames);
        float[] x = cut.Samples;
        Assert.Equal(0f, x[^1], 1e-6f);
        Assert.InRange(MaxAbs(x.AsSpan(x.Length - 24)), 0, 0.001);

        // The fade (20 ms) only shrinks the tone: no step larger than the tone's own.
        int fade = Rate / 50;
        for (int i = x.Length - fade - 100; i < x.Length - 1; i++)
        {
            Assert.True(Math.Abs(x[i + 1] - x[i]) <= ToneMaxStep * 1.05, $"step of {x[i + 1] - x[i]} at frame {i}");
        }

        // Inside the fade the level falls; before it the klaxon is untouched.
        Assert.True(MaxAbs(x.AsSpan(x.Length - (fade / 4))) < 0.2 * MaxAbs(x.AsSpan(x.Length - fade, fade / 4)));
        for (int i = Rate / 2; i < x.Length - fade - 200; i++)
        {
            Assert.Equal(full.Samples[i], x[i], 1e-4f);
        }
    }

    [Fact]
    public void A_source_shorter_than_the_limit_is_kept_whole_without_a_fade()
    {
        using var dir = new TempDirectory();
        string source = Sources.Make(dir, "wav16");
        KlaxonResult unlimited = KlaxonLoader.Load(new KlaxonRequest(source, Rate, 1, TimeSpan.Zero, dir.File("cache")));

        KlaxonResult limited = KlaxonLoader.Load(new KlaxonRequest(source, Rate, 1, TimeSpan.FromSeconds(5), dir.File("cache")));

        Assert.Equal(2 * Rate, limited.Frames);
        Assert.Equal(unlimited.Samples, limited.Samples);
    }

    private static double MaxAbs(ReadOnlySpan<float> x)
    {
        double max = 0;
        foreach (float s in x)
        {
            max = Math.Max(max, Math.Abs(s));
        }

        return max;
    }
}
