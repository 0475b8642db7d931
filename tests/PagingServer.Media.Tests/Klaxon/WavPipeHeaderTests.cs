using System.Buffers.Binary;
using System.Diagnostics;
using PagingServer.Media.Klaxon;

namespace PagingServer.Media.Tests.Klaxon;

public sealed class WavPipeHeaderTests
{
    private static byte[] Header(ushort format, ushort channels, uint rate, ushort bits, bool extensible = false, int junkChunk = 0)
    {
        var wav = new List<byte>();
        wav.AddRange("RIFF"u8.ToArray());
        wav.AddRange(BitConverter.GetBytes(uint.MaxValue));
        wav.AddRange("WAVE"u8.ToArray());
        if (junkChunk > 0)
        {
            wav.AddRange("LIST"u8.ToArray());
            wav.AddRange(BitConverter.GetBytes((uint)junkChunk));
            wav.AddRange(new byte[junkChunk + (junkChunk & 1)]);
        }

        byte[] fmt = new byte[extensible ? 40 : 16];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, extensible ? (ushort)0xFFFE : format);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), rate);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), bits);
        if (extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(24), format);
        }

        wav.AddRange("fmt "u8.ToArray());
        wav.AddRange(BitConverter.GetBytes((uint)fmt.Length));
        wav.AddRange(fmt);
        wav.AddRange("data"u8.ToArray());
        wav.AddRange(BitConverter.GetBytes(uint.MaxValue));
        return [.. wav];
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(false, 7)] // an odd-sized chunk before fmt is padded to even
    public void A_float_header_gives_channels_rate_and_where_the_samples_start(bool extensible, int junk)
    {
        byte[] wav = Header(3, 2, 44100, 32, extensible, junk);

        Assert.True(WavPipeHeader.TryParse(wav, out int channels, out int rate, out int offset));
        Assert.Equal(2, channels);
        Assert.Equal(44100, rate);
        Assert.Equal(wav.Length, offset);
    }

    [Theory]
    [InlineData(1, 16)] // integer PCM: ffmpeg was asked for float, so this is a surprise
    [InlineData(3, 64)]
    public void A_header_that_is_not_32_bit_float_is_refused(ushort format, ushort bits) =>
        Assert.False(WavPipeHeader.TryParse(Header(format, 1, 48000, bits), out _, out _, out _));

    [Fact]
    public void A_header_cut_short_is_refused()
    {
        byte[] wav = Header(3, 1, 48000, 32);

        for (int length = 0; length < wav.Length - 8; length++)
        {
            Assert.False(WavPipeHeader.TryParse(wav.AsSpan(0, length), out _, out _, out _), $"accepted {length} bytes");
        }
    }

    [Fact]
    public void What_ffmpeg_writes_to_a_pipe_parses()
    {
        var start = new ProcessStartInfo(Tools.Require("ffmpeg"))
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string arg in "-nostdin -v error -f lavfi -i sine=f=440:r=22050:d=0.1 -ac 3 -c:a pcm_f32le -f wav pipe:1".Split(' '))
        {
            start.ArgumentList.Add(arg);
        }

        using Process ffmpeg = Process.Start(start)!;
        using var output = new MemoryStream();
        ffmpeg.StandardOutput.BaseStream.CopyTo(output);
        ffmpeg.WaitForExit();

        Assert.True(WavPipeHeader.TryParse(output.ToArray(), out int channels, out int rate, out int offset));
        Assert.Equal(3, channels);
        Assert.Equal(22050, rate);
        Assert.Equal(2205 * 3 * sizeof(float), output.Length - offset);
    }
}
