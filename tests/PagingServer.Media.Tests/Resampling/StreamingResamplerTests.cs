using PagingServer.Media.Resampling;

namespace PagingServer.Media.Tests.Resampling;

public class StreamingResamplerTests
{
    [Theory]
    [InlineData(8000, 48000)]
    [InlineData(16000, 48000)]
    [InlineData(8000, 44100)]
    [InlineData(48000, 44100)]
    public void A_tone_fed_in_small_chunks_comes_out_clean_at_the_new_rate(int inRate, int outRate)
    {
        using var resampler = new StreamingResampler(inRate, outRate, StreamingResampler.CallQuality);
        int seconds = 2;
        var input = new float[inRate * seconds];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = 0.5f * MathF.Sin(2 * MathF.PI * 1000 * i / inRate);
        }

        var output = new float[(outRate * seconds) + 100];
        int written = 0;
        int chunk = inRate / 400; // 2.5 ms, as the call pipeline feeds it
        for (int pos = 0; pos < input.Length; pos += chunk)
        {
            ReadOnlySpan<float> piece = input.AsSpan(pos, Math.Min(chunk, input.Length - pos));
            while (!piece.IsEmpty)
            {
                written += resampler.Process(piece, output.AsSpan(written, resampler.MaxOutput(piece.Length)), out int used);
                piece = piece[used..];
            }
        }

        // Output length follows the ratio (less the filter delay still inside).
        Assert.InRange(written, (outRate * seconds) - 400, outRate * seconds);
        var ideal = new float[written];
        for (int i = 0; i < written; i++)
        {
            ideal[i] = 0.5f * MathF.Sin(2 * MathF.PI * 1000 * i / outRate);
        }

        (int lag, double snr) = Codecs.Signal.BestLag(ideal.AsSpan(outRate / 10, outRate), output.AsSpan(outRate / 10, written - (outRate / 10)), 200);
        TestReport.Write($"media-resampler-{inRate}-{outRate}", $"speexdsp q5 {inRate}->{outRate}: SNR {snr:F1} dB vs ideal 1 kHz, delay {lag} samples");
        Assert.True(snr > 40, $"SNR {snr:F1} dB");
    }

    [Fact]
    public void Equal_rates_pass_samples_through_untouched()
    {
        using var resampler = new StreamingResampler(48000, 48000);
        float[] input = [0.1f, -0.2f, 0.3f];
        var output = new float[3];
        Assert.Equal(3, resampler.Process(input, output, out int used));
        Assert.Equal(3, used);
        Assert.Equal(input, output);
    }

    [Fact]
    public void A_quality_outside_0_to_10_is_refused_at_construction() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new StreamingResampler(8000, 48000, 11));
}
