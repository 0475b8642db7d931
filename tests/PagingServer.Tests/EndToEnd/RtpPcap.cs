using System.Buffers.Binary;

namespace PagingServer.Tests.EndToEnd;

/// <summary>
/// Writes a pcap of a PCMU RTP stream (Ethernet/IPv4/UDP/RTP, 160-byte payloads every 20 ms)
/// for sipp's play_pcap_audio, which rewrites addresses and ports as it sends.
/// </summary>
internal static class RtpPcap
{
    public static void WriteTone(string path, double hz, double amplitude, TimeSpan length)
    {
        const int samplesPerPacket = PcmuTone.SamplesPerPacket;
        int packets = (int)(length.TotalMilliseconds / 20);
        using var file = File.Create(path);
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xa1b2c3d4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 1); // Ethernet
        file.Write(header);

        var frame = new byte[14 + 20 + 8 + PcmuTone.PacketBytes];
        Span<byte> record = stackalloc byte[16];
        for (int p = 0; p < packets; p++)
        {
            frame.AsSpan().Clear();
            frame[12] = 0x08; // IPv4
            Span<byte> ip = frame.AsSpan(14);
            ip[0] = 0x45;
            BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(frame.Length - 14));
            ip[8] = 64;
            ip[9] = 17; // UDP
            ip[12] = 127; ip[15] = 1; ip[16] = 127; ip[19] = 1;
            Span<byte> udp = ip[20..];
            BinaryPrimitives.WriteUInt16BigEndian(udp, 40000);
            BinaryPrimitives.WriteUInt16BigEndian(udp[2..], 40002);
            BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)(8 + PcmuTone.PacketBytes));
            PcmuTone.WritePacket(udp[8..], p, (ushort)p, (uint)(p * samplesPerPacket), 0x5eed1234, hz, amplitude);

            long micros = p * 20_000L;
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(micros / 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(micros % 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)frame.Length);
            file.Write(record);
            file.Write(frame);
        }
    }
}
