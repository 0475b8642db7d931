using PagingServer.Media.Codecs;

namespace PagingServer.Media.Tests.Codecs;

public class OpusTests
{
    internal static (List<byte[]> Packets, int PreSkip, float[] Reference) EncodeWithFfmpeg(TempDirectory dir)
    {
        string ogg = Path.Combine(dir.Path, "x.ogg");
        string decoded = Path.Combine(dir.Path, "x.f32");
        Ffmpeg.Run("-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000", "-t", "1", "-ac", "1",
            "-c:a", "libopus", "-b:a", "48k", "-frame_duration", "20", ogg);
        // Force the libopus decoder so both sides run the same library.
        Ffmpeg.Run("-c:a", "libopus", "-i", ogg, "-f", "f32le", "-ar", "48000", "-ac", "1", decoded);
        List<byte[]> packets = OggPackets.Read(File.ReadAllBytes(ogg));
        int preSkip = OggPackets.PreSkip(packets[0]);
        Assert.StartsWith("OpusTags", System.Text.Encoding.ASCII.GetString(packets[1], 0, 8));
        return (packets.Skip(2).ToList(), preSkip, Ffmpeg.ReadF32(decoded));
    }

    [Fact]
    public void Decoding_ffmpeg_packets_matches_ffmpeg_decoding_them()
    {
        using var dir = new TempDirectory();
        (List<byte[]> packets, int preSkip, float[] reference) = EncodeWithFfmpeg(dir);

        using var decoder = new OpusDecoder();
        var ours = new float[packets.Count * OpusDecoder.MaxFrameSamples];
        int written = 0;
        foreach (byte[] packet in packets)
        {
            int n = decoder.Decode(packet, ours.AsSpan(written));
            Assert.True(n > 0, $"opus_decode_float returned {n}");
            written += n;
        }

        Assert.Equal(960 * packets.Count, written);
        double snr = Signal.Snr(reference, ours.AsSpan(0, written), preSkip);
        TestReport.Write("media-opus-decoder", $"Opus decoder vs ffmpeg (libopus): {packets.Count} packets, pre-skip {preSkip}, SNR {snr:F1} dB");
        Assert.True(snr >= 50, $"SNR {snr:F1} dB at pre-skip {preSkip}");
    }

    [Fact]
    public void Concealment_continues_the_tone_instead_of_silence_or_noise()
    {
        using var dir = new TempDirectory();
        (List<byte[]> packets, _, _) = EncodeWithFfmpeg(dir);
        using var decoder = new OpusDecoder();
        var pcm = new float[OpusDecoder.MaxFrameSamples];
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(960, decoder.Decode(packets[i], pcm));
        }

        double before = Signal.Rms(pcm.AsSpan(0, 960));
        int concealed = decoder.Conceal(pcm.AsSpan(0, 960));
        Assert.Equal(960, concealed);
        double during = Signal.Rms(pcm.AsSpan(0, 960));
        Assert.InRange(during, before * 0.3, before * 1.5);
    }

    [Fact]
    public void A_malformed_packet_is_reported_not_thrown()
    {
        using var decoder = new OpusDecoder();
        var pcm = new float[OpusDecoder.MaxFrameSamples];
        // TOC code 3 (arbitrary frame count) with a frame count byte of 0 is invalid (RFC 6716 3.2.5).
        Assert.True(decoder.Decode([0x03, 0x00], pcm) < 0);
        Assert.True(decoder.Decode([], pcm) < 0);
    }
}
