using System.Buffers.Binary;

namespace PagingServer.Media.Tests.Codecs;

/// <summary>
/// Reads the packets of a single-stream Ogg file (RFC 3533 section 6: page header, segment
/// table, lacing values of 255 continue a packet). Enough to pull Opus packets out of ffmpeg's
/// .ogg output.
/// </summary>
internal static class OggPackets
{
    public static List<byte[]> Read(byte[] file)
    {
        var packets = new List<byte[]>();
        var current = new List<byte>();
        int pos = 0;
        while (pos + 27 <= file.Length)
        {
            Assert.True(file.AsSpan(pos, 4).SequenceEqual("OggS"u8), $"no Ogg capture pattern at {pos}");
            int segments = file[pos + 26];
            int data = pos + 27 + segments;
            for (int s = 0; s < segments; s++)
            {
                int lacing = file[pos + 27 + s];
                current.AddRange(file.AsSpan(data, lacing).ToArray());
                data += lacing;
                if (lacing < 255)
                {
                    packets.Add([.. current]);
                    current.Clear();
                }
            }

            pos = data;
        }

        return packets;
    }

    /// <summary>OpusHead's pre-skip (RFC 7845 section 5.1): samples at 48 kHz to drop.</summary>
    public static int PreSkip(byte[] opusHead)
    {
        Assert.True(opusHead.AsSpan(0, 8).SequenceEqual("OpusHead"u8), "first packet is not OpusHead");
        return BinaryPrimitives.ReadUInt16LittleEndian(opusHead.AsSpan(10));
    }
}
