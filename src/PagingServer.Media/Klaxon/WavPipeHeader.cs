using System.Buffers.Binary;

namespace PagingServer.Media.Klaxon;

/// <summary>
/// Reads the RIFF/WAVE header that ffmpeg writes in front of raw 32-bit float samples on a pipe.
/// On a pipe ffmpeg cannot seek back to fill in sizes, so the data chunk is taken to run to the
/// end of the stream whatever its size field says.
/// </summary>
internal static class WavPipeHeader
{
    /// <summary>WAVE_FORMAT_IEEE_FLOAT (RFC 2361, appendix A).</summary>
    private const ushort FormatIeeeFloat = 0x0003;

    /// <summary>WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of SubFormat.</summary>
    private const ushort FormatExtensible = 0xFFFE;

    /// <summary>Parses the header at the start of <paramref name="wav"/>.</summary>
    /// <returns>False when this is not a float WAV header or the data chunk is not reached.</returns>
    public static bool TryParse(ReadOnlySpan<byte> wav, out int channels, out int sampleRate, out int dataOffset)
    {
        channels = 0;
        sampleRate = 0;
        dataOffset = 0;
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            return false;
        }

        bool haveFormat = false;
        int pos = 12;
        while (pos + 8 <= wav.Length)
        {
            ReadOnlySpan<byte> id = wav.Slice(pos, 4);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(wav.Slice(pos + 4, 4));
            int body = pos + 8;
            if (id.SequenceEqual("data"u8))
            {
                dataOffset = body;
                return haveFormat;
            }

            if (size > (uint)(wav.Length - body))
            {
                return false;
            }

            if (id.SequenceEqual("fmt "u8))
            {
                if (!TryParseFormat(wav.Slice(body, (int)size), out channels, out sampleRate))
                {
                    return false;
                }

                haveFormat = true;
            }

            // Chunks are padded to an even length (RIFF, "Multimedia Programming Interface and
            // Data Specifications 1.0", chunk layout).
            pos = body + (int)size + (int)(size & 1);
        }

        return false;
    }

    private static bool TryParseFormat(ReadOnlySpan<byte> fmt, out int channels, out int sampleRate)
    {
        channels = 0;
        sampleRate = 0;
        if (fmt.Length < 16)
        {
            return false;
        }

        ushort format = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        if (format == FormatExtensible && fmt.Length >= 26)
        {
            format = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        uint rate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        ushort bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        sampleRate = rate > int.MaxValue ? 0 : (int)rate;
        return format == FormatIeeeFloat && bits == 32 && channels > 0 && sampleRate > 0;
    }
}
