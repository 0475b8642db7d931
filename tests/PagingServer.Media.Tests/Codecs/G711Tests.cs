using PagingServer.Media.Codecs;

namespace PagingServer.Media.Tests.Codecs;

public class G711Tests
{
    [Theory]
    [InlineData(0x00, -32124)]
    [InlineData(0x80, 32124)]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0xFE, 8)]
    [InlineData(0x7E, -8)]
    [InlineData(0xF0, 120)]
    public void Mu_law_codes_expand_to_the_G711_table_values(int code, int expected) =>
        Assert.Equal(expected, G711.MuLawToLinear((byte)code));

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    [InlineData(0xD4, 24)]
    public void A_law_codes_expand_to_the_G711_table_values(int code, int expected) =>
        Assert.Equal(expected, G711.ALawToLinear((byte)code));

    [Fact]
    public void Every_mu_law_code_survives_a_round_trip_except_negative_zero()
    {
        for (int code = 0; code < 256; code++)
        {
            byte again = G711.LinearToMuLaw(G711.MuLawToLinear((byte)code));
            // 0x7F is µ-law's negative zero: it decodes to 0, which encodes as 0xFF.
            Assert.Equal(code == 0x7F ? 0xFF : code, again);
        }
    }

    [Fact]
    public void Every_a_law_code_survives_a_round_trip()
    {
        for (int code = 0; code < 256; code++)
        {
            Assert.Equal(code, G711.LinearToALaw(G711.ALawToLinear((byte)code)));
        }
    }

    [Theory]
    [InlineData("mulaw")]
    [InlineData("alaw")]
    public void All_256_codes_decode_as_ffmpeg_decodes_them(string format)
    {
        using var dir = new TempDirectory();
        byte[] codes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        string input = Path.Combine(dir.Path, "codes.raw");
        string output = Path.Combine(dir.Path, "codes.s16");
        File.WriteAllBytes(input, codes);
        Ffmpeg.Run("-f", format, "-ar", "8000", "-ac", "1", "-i", input, "-f", "s16le", output);
        short[] reference = Ffmpeg.ReadS16(output);

        Assert.Equal(256, reference.Length);
        for (int code = 0; code < 256; code++)
        {
            short ours = format == "mulaw" ? G711.MuLawToLinear((byte)code) : G711.ALawToLinear((byte)code);
            Assert.True(reference[code] == ours, $"{format} code 0x{code:X2}: ffmpeg {reference[code]}, ours {ours}");
        }
    }

    [Theory]
    [InlineData("mulaw")]
    [InlineData("alaw")]
    public void Encoding_a_ramp_agrees_with_ffmpeg_up_to_the_rounding_of_the_3_dropped_bits(string format)
    {
        // G.711 quantizes 13-bit (A-law) or 14-bit (µ-law) magnitudes; where a 16-bit input
        // falls between the two, ffmpeg rounds and G.711's reference truncates: such codes may
        // differ by one step, never more.
        using var dir = new TempDirectory();
        var pcm = new float[65536];
        for (int i = 0; i < pcm.Length; i++)
        {
            pcm[i] = (i - 32768) / 32768f;
        }

        string input = Path.Combine(dir.Path, "ramp.s16");
        string output = Path.Combine(dir.Path, "ramp.g711");
        Ffmpeg.WriteS16(input, pcm);
        Ffmpeg.Run("-f", "s16le", "-ar", "8000", "-ac", "1", "-i", input, "-f", format, output);
        byte[] reference = File.ReadAllBytes(output);

        var ours = new byte[pcm.Length];
        int n = format == "mulaw" ? G711.EncodeMuLaw(pcm, ours) : G711.EncodeALaw(pcm, ours);
        Assert.Equal(pcm.Length, n);
        Func<byte, short> expand = format == "mulaw" ? G711.MuLawToLinear : G711.ALawToLinear;
        int differing = 0;
        for (int i = 0; i < n; i++)
        {
            if (ours[i] == reference[i])
            {
                continue;
            }

            differing++;
            int x = i - 32768;
            int oursError = Math.Abs(expand(ours[i]) - x);
            int theirsError = Math.Abs(expand(reference[i]) - x);
            int step = Math.Abs(expand(ours[i]) - expand(reference[i]));
            Assert.True(oursError <= step && theirsError <= step, $"input {x}: ours 0x{ours[i]:X2}, ffmpeg 0x{reference[i]:X2}");
        }

        Assert.True(differing < n / 50, $"{differing} of {n} codes differ from ffmpeg's {format} encoder");
    }

    [Fact]
    public void Span_decoding_stops_at_the_shorter_span()
    {
        Span<float> pcm = stackalloc float[3];
        Assert.Equal(3, G711.DecodeMuLaw([0x00, 0x80, 0xFF, 0x7F], pcm));
        Assert.Equal(-32124 / 32768f, pcm[0]);
    }
}
