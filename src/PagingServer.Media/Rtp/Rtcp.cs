using System.Buffers.Binary;

namespace PagingServer.Media.Rtp;

/// <summary>One reception report block (RFC 3550 section 6.4.1).</summary>
/// <param name="Ssrc">The source reported on.</param>
/// <param name="FractionLost">Loss since the last report, in 1/256.</param>
/// <param name="CumulativeLost">Total lost, clamped to 24 bits signed.</param>
/// <param name="ExtendedHighestSequence">Cycles in the upper 16 bits, highest seq in the lower.</param>
/// <param name="Jitter">Interarrival jitter in timestamp units.</param>
/// <param name="LastSenderReport">Middle 32 bits of the NTP time of the last SR (LSR), or 0.</param>
/// <param name="DelaySinceLastSenderReport">DLSR in 1/65536 s, or 0 without an SR.</param>
public readonly record struct ReportBlock(
    uint Ssrc, byte FractionLost, int CumulativeLost, uint ExtendedHighestSequence, uint Jitter,
    uint LastSenderReport, uint DelaySinceLastSenderReport);

/// <summary>What a received compound RTCP packet said that the receiver uses.</summary>
/// <param name="SenderSsrc">SSRC of the first SR or RR in the packet.</param>
/// <param name="HasSenderReport">An SR was present.</param>
/// <param name="NtpMiddle">The SR's NTP timestamp, middle 32 bits (becomes LSR).</param>
/// <param name="HasBye">A BYE was present (RFC 3550 6.6).</param>
public readonly record struct RtcpSummary(uint SenderSsrc, bool HasSenderReport, uint NtpMiddle, bool HasBye);

/// <summary>RTCP writing and reading (RFC 3550 section 6) over caller-owned spans.</summary>
public static class Rtcp
{
    /// <summary>Packet type SR.</summary>
    public const int SenderReportType = 200;

    /// <summary>Packet type RR.</summary>
    public const int ReceiverReportType = 201;

    /// <summary>Packet type SDES.</summary>
    public const int SdesType = 202;

    /// <summary>Packet type BYE.</summary>
    public const int ByeType = 203;

    /// <summary>Writes an RR (6.4.2) with up to 31 blocks; returns its length or 0 when the
    /// destination is too small.</summary>
    public static int WriteReceiverReport(Span<byte> destination, uint reporterSsrc, ReadOnlySpan<ReportBlock> blocks)
    {
        int length = 8 + (24 * blocks.Length);
        if (blocks.Length > 31 || destination.Length < length)
        {
            return 0;
        }

        WriteCommonHeader(destination, blocks.Length, ReceiverReportType, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], reporterSsrc);
        for (int i = 0; i < blocks.Length; i++)
        {
            Span<byte> b = destination.Slice(8 + (24 * i), 24);
            ReportBlock r = blocks[i];
            BinaryPrimitives.WriteUInt32BigEndian(b, r.Ssrc);
            int lost = Math.Clamp(r.CumulativeLost, -0x800000, 0x7FFFFF);
            BinaryPrimitives.WriteUInt32BigEndian(b[4..], ((uint)r.FractionLost << 24) | ((uint)lost & 0xFFFFFF));
            BinaryPrimitives.WriteUInt32BigEndian(b[8..], r.ExtendedHighestSequence);
            BinaryPrimitives.WriteUInt32BigEndian(b[12..], r.Jitter);
            BinaryPrimitives.WriteUInt32BigEndian(b[16..], r.LastSenderReport);
            BinaryPrimitives.WriteUInt32BigEndian(b[20..], r.DelaySinceLastSenderReport);
        }

        return length;
    }

    /// <summary>Writes an SDES with one chunk holding CNAME (6.5.1), which every compound
    /// packet must carry (6.1); returns its length or 0 when it does not fit.</summary>
    public static int WriteSdesCname(Span<byte> destination, uint ssrc, ReadOnlySpan<byte> cname)
    {
        if (cname.Length > 255)
        {
            return 0;
        }

        // Chunk: SSRC, CNAME item (type 1, length, text), then a null item and padding to 32 bits.
        int chunk = 4 + 2 + cname.Length + 1;
        chunk = (chunk + 3) & ~3;
        int length = 4 + chunk;
        if (destination.Length < length)
        {
            return 0;
        }

        destination[..length].Clear();
        WriteCommonHeader(destination, 1, SdesType, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        destination[8] = 1;
        destination[9] = (byte)cname.Length;
        cname.CopyTo(destination[10..]);
        return length;
    }

    /// <summary>Reads a compound packet; false when it is not valid RTCP (6.4.1 validity
    /// checks: version 2, first packet SR or RR, lengths adding up).</summary>
    public static bool TryRead(ReadOnlySpan<byte> packet, out RtcpSummary summary)
    {
        summary = default;
        if (packet.Length < 8 || packet[0] >> 6 != 2 || (packet[1] != SenderReportType && packet[1] != ReceiverReportType))
        {
            return false;
        }

        uint sender = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);
        bool hasSr = false;
        bool hasBye = false;
        uint ntpMiddle = 0;
        int offset = 0;
        while (offset + 4 <= packet.Length)
        {
            ReadOnlySpan<byte> p = packet[offset..];
            if (p[0] >> 6 != 2)
            {
                return false;
            }

            int length = 4 * (BinaryPrimitives.ReadUInt16BigEndian(p[2..]) + 1);
            if (length > p.Length)
            {
                return false;
            }

            if (p[1] == SenderReportType && length >= 28 && !hasSr)
            {
                // NTP timestamp at bytes 8..15: the middle 32 bits are bytes 10..13 (6.4.1 LSR).
                hasSr = true;
                ntpMiddle = BinaryPrimitives.ReadUInt32BigEndian(p[10..]);
            }
            else if (p[1] == ByeType)
            {
                hasBye = true;
            }

            offset += length;
        }

        if (offset != packet.Length)
        {
            return false;
        }

        summary = new RtcpSummary(sender, hasSr, ntpMiddle, hasBye);
        return true;
    }

    private static void WriteCommonHeader(Span<byte> destination, int count, int type, int lengthBytes)
    {
        destination[0] = (byte)((2 << 6) | count);
        destination[1] = (byte)type;
        // Length in 32-bit words minus one (6.4.1).
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((lengthBytes / 4) - 1));
    }
}
