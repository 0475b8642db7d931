using System.Buffers.Binary;
using PagingServer.Media.Codecs;

namespace PagingServer.Tests.EndToEnd;

/// <summary>One 20 ms PCMU RTP packet of a sine (12-byte header, 160 µ-law samples), for the
/// pcap sipp plays and for the test's own live sender.</summary>
internal static class PcmuTone
{
    public const int SamplesPerPacket = 160;

    public const int PacketBytes = 12 + SamplesPerPacket;

    /// <summary>Writes packet number <paramref name="index"/> of the tone into <paramref name="rtp"/>.</summary>
    public static void WritePacket(Span<byte> rtp, long index, ushort sequence, uint timestamp, uint ssrc, double hz, double amplitude)
    {
        rtp[0] = 0x80;
        rtp[1] = 0; // PCMU
        BinaryPrimitives.WriteUInt16BigEndian(rtp[2..], sequence);
        BinaryPrimitives.WriteUInt32BigEndian(rtp[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(rtp[8..], ssrc);
        for (int i = 0; i < SamplesPerPacket; i++)
        {
            double t = (index * SamplesPerPacket + i) / 8000.0;
            rtp[12 + i] = G711.LinearToMuLaw((short)(amplitude * short.MaxValue * Math.Sin(2 * Math.PI * hz * t)));
        }
    }
}
