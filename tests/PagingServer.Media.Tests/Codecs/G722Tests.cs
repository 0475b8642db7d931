using PagingServer.Media.Codecs;

namespace PagingServer.Media.Tests.Codecs;

public class G722Tests
{
    // A low-band tone plus a high-band tone, so both sub-bands and the QMF are exercised.
    private const string Source = "aevalsrc=0.4*sin(2*PI*1000*t)+0.2*sin(2*PI*5500*t)+0.05*sin(2*PI*300*t):s=16000:d=2";

    [Fact]
    public void Decoding_an_ffmpeg_stream_matches_ffmpeg_decoding_it()
    {
        using var dir = new TempDirectory();
        string g722 = Path.Combine(dir.Path, "x.g722");
        string decoded = Path.Combine(dir.Path, "x.s16");
        Ffmpeg.Run("-f", "lavfi", "-i", Source, "-c:a", "g722", "-f", "g722", g722);
        Ffmpeg.Run("-f", "g722", "-i", g722, "-f", "s16le", "-ar", "16000", decoded);
        byte[] stream = File.ReadAllBytes(g722);
        float[] reference = Signal.ToFloat(Ffmpeg.ReadS16(decoded));

        var decoder = new G722Decoder();
        var ours = new float[stream.Length * 2];
        // Packets of 20 ms (160 bytes) as RTP would carry them: state must carry across.
        int written = 0;
        for (int offset = 0; offset < stream.Length; offset += 160)
        {
            int len = Math.Min(160, stream.Length - offset);
            written += decoder.Decode(stream.AsSpan(offset, len), ours.AsSpan(written));
        }

        Assert.Equal(stream.Length * 2, written);
        Assert.Equal(reference.Length, ours.Length);
        (int lag, double snr) = Signal.BestLag(reference, ours, 8);
        int exact = Enumerable.Range(0, ours.Length).Count(i => MathF.Abs(ours[i] - reference[i]) < 0.5f / 32768f);
        TestReport.Write("media-g722-decoder", $"G.722 decoder vs ffmpeg: SNR {snr:F1} dB at lag {lag}, {exact}/{ours.Length} samples identical");
        Assert.Equal(0, lag);
        Assert.True(snr >= 50, $"SNR {snr:F1} dB");
        // ffmpeg follows the ITU reference bit for bit, and so do we.
        Assert.Equal(ours.Length, exact);
    }

    [Fact]
    public void Encoding_matches_ffmpeg_encoding_the_same_samples()
    {
        using var dir = new TempDirectory();
        string pcmFile = Path.Combine(dir.Path, "x.s16");
        string g722 = Path.Combine(dir.Path, "x.g722");
        string theirsDecoded = Path.Combine(dir.Path, "theirs.s16");
        string oursFile = Path.Combine(dir.Path, "ours.g722");
        string oursDecoded = Path.Combine(dir.Path, "ours.s16");
        Ffmpeg.Run("-f", "lavfi", "-i", Source, "-f", "s16le", pcmFile);
        Ffmpeg.Run("-f", "s16le", "-ar", "16000", "-ac", "1", "-i", pcmFile, "-c:a", "g722", "-f", "g722", g722);
        float[] pcm = Signal.ToFloat(Ffmpeg.ReadS16(pcmFile));
        byte[] reference = File.ReadAllBytes(g722);

        var encoder = new G722Encoder();
        var ours = new byte[pcm.Length / 2];
        int n = 0;
        for (int offset = 0; offset < pcm.Length; offset += 320)
        {
            n += encoder.Encode(pcm.AsSpan(offset, Math.Min(320, pcm.Length - offset)), ours.AsSpan(n));
        }

        Assert.Equal(pcm.Length / 2, n);
        File.WriteAllBytes(oursFile, ours);
        Ffmpeg.Run("-f", "g722", "-i", g722, "-f", "s16le", "-ar", "16000", theirsDecoded);
        Ffmpeg.Run("-f", "g722", "-i", oursFile, "-f", "s16le", "-ar", "16000", oursDecoded);
        float[] a = Signal.ToFloat(Ffmpeg.ReadS16(theirsDecoded));
        float[] b = Signal.ToFloat(Ffmpeg.ReadS16(oursDecoded));
        int sameBytes = Enumerable.Range(0, Math.Min(n, reference.Length)).Count(i => ours[i] == reference[i]);
        double snr = Signal.Snr(a, b);
        double snrToSource = Signal.BestLag(pcm, b, 40).Snr;
        TestReport.Write("media-g722-encoder", $"G.722 encoder vs ffmpeg: {sameBytes}/{n} bytes identical; decoded SNR {snr:F1} dB; ours vs source {snrToSource:F1} dB (codec delay aligned)");
        Assert.True(snr >= 50, $"SNR {snr:F1} dB, {sameBytes}/{n} identical bytes");
        Assert.Equal(n, sameBytes);
    }

    [Fact]
    public void Our_encoder_and_decoder_round_trip_a_tone_with_codec_delay_only()
    {
        var pcm = new float[16000];
        for (int i = 0; i < pcm.Length; i++)
        {
            pcm[i] = 0.5f * MathF.Sin(2 * MathF.PI * 1000 * i / 16000f);
        }

        var bytes = new byte[8000];
        Assert.Equal(8000, new G722Encoder().Encode(pcm, bytes));
        var back = new float[16000];
        Assert.Equal(16000, new G722Decoder().Decode(bytes, back));
        (int lag, double snr) = Signal.BestLag(pcm.AsSpan(1600), back.AsSpan(1600), 40);
        // The transmit and receive QMFs (24 taps each) together delay by about 23 samples.
        Assert.InRange(lag, 20, 26);
        Assert.True(snr > 20, $"SNR {snr:F1} dB");
    }
}
