using PagingServer.Media.Klaxon;

namespace PagingServer.Media.Tests.Klaxon;

public sealed class ChannelLayoutTests
{
    private static float[] Channel(KlaxonResult result, int channel)
    {
        float[] samples = new float[result.Frames];
        for (int f = 0; f < samples.Length; f++)
        {
            samples[f] = result.Samples[(f * result.Channels) + channel];
        }

        return samples;
    }

    private static KlaxonResult Load(string source, TempDirectory dir, int channels)
    {
        KlaxonResult result = KlaxonLoader.Load(new KlaxonRequest(source, 48000, channels, TimeSpan.Zero, dir.File("cache")));
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(channels, result.Channels);
        Assert.Equal(96000 * channels, result.Samples.Length);
        return result;
    }

    [Fact]
    public void A_stereo_source_asked_for_two_channels_keeps_left_and_right_apart()
    {
        using var dir = new TempDirectory();
        string source = Sources.Make(dir, "wav24", channels: 2);

        KlaxonResult result = Load(source, dir, 2);

        Assert.InRange(Signal.FrequencyHz(Channel(result, 0), 48000), 879.95, 880.05);
        Assert.InRange(Signal.FrequencyHz(Channel(result, 1), 48000), 1319.95, 1320.05);
    }

    [Fact]
    public void A_stereo_source_asked_for_mono_is_the_average_of_both_channels()
    {
        using var dir = new TempDirectory();
        string source = Sources.Make(dir, "wav24", channels: 2);
        KlaxonResult stereo = Load(source, dir, 2);

        KlaxonResult mono = Load(source, dir, 1);

        float[] left = Channel(stereo, 0);
        float[] right = Channel(stereo, 1);
        for (int f = 0; f < mono.Frames; f += 97)
        {
            Assert.Equal((left[f] + right[f]) / 2, mono.Samples[f], 1e-5f);
        }

        // Two half-scale sines averaged: each at quarter scale, total RMS 0.25 (-12.04 dBFS).
        Assert.InRange(Signal.RmsDb(mono.Samples), -12.54, -11.54);
    }

    [Fact]
    public void A_mono_source_asked_for_four_channels_plays_the_same_on_every_speaker()
    {
        using var dir = new TempDirectory();
        string source = Sources.Make(dir, "flac");
        KlaxonResult mono = Load(source, dir, 1);

        KlaxonResult four = Load(source, dir, 4);

        for (int c = 0; c < 4; c++)
        {
            Assert.Equal(mono.Samples, Channel(four, c));
        }
    }

    [Fact]
    public void A_stereo_source_asked_for_three_channels_spreads_its_mono_mix()
    {
        using var dir = new TempDirectory();
        string source = Sources.Make(dir, "wav24", channels: 2);
        KlaxonResult mono = Load(source, dir, 1);

        KlaxonResult three = Load(source, dir, 3);

        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(mono.Samples, Channel(three, c));
        }
    }
}
