using System.Buffers.Binary;

namespace PagingServer.Media.Rtp;

/// <summary>Why a datagram is not a usable RTP packet.</summary>
public enum RtpParseStatus
{
    /// <summary>A valid packet.</summary>
    Ok,

    /// <summary>Shorter than the 12-byte fixed header, or than its CSRC list or extension.</summary>
    Truncated,

    /// <summary>Version field is not 2 (RFC 3550 5.1).</summary>
    BadVersion,

    /// <summary>The padding count is zero or larger than the payload (RFC 3550 5.1, P).</summary>
    BadPadding,
}

/// <summary>
/// The RTP fixed header (RFC 3550 section 5.1) plus where the payload lies in the datagram.
/// Parsing and writing are pure functions over caller-owned spans.
/// </summary>
public readonly record struct RtpHeader
{
    /// <summary>Size of the fixed header.</summary>
    public const int FixedSize = 12;

    /// <summary>The only RTP version (RFC 3550 5.1).</summary>
    public const int Version = 2;

    /// <summary>P bit.</summary>
    public bool Padding { get; init; }

    /// <summary>X bit: a header extension follows the CSRC list (RFC 3550 5.3.1).</summary>
    public bool Extension { get; init; }

    /// <summary>CC: number of CSRC identifiers (0-15).</summary>
    public int CsrcCount { get; init; }

    /// <summary>M bit; for audio, the first packet of a talkspurt (RFC 3551 4.1).</summary>
    public bool Marker { get; init; }

    /// <summary>PT (0-127).</summary>
    public int PayloadType { get; init; }

    /// <summary>Sequence number.</summary>
    public ushort SequenceNumber { get; init; }

    /// <summary>Timestamp in the payload's clock units.</summary>
    public uint Timestamp { get; init; }

    /// <summary>Synchronization source.</summary>
    public uint Ssrc { get; init; }

    /// <summary>Offset of the payload in the parsed datagram (after CSRCs and extension).</summary>
    public int PayloadOffset { get; init; }

    /// <summary>Payload length, padding excluded.</summary>
    public int PayloadLength { get; init; }

    /// <summary>Parses <paramref name="packet"/>; on <see cref="RtpParseStatus.Ok"/> the payload
    /// is <c>packet.Slice(header.PayloadOffset, header.PayloadLength)</c>.</summary>
    public static RtpParseStatus TryParse(ReadOnlySpan<byte> packet, out RtpHeader header)
    {
        header = default;
        if (packet.Length < FixedSize)
        {
            return RtpParseStatus.Truncated;
        }

        byte b0 = packet[0];
        if (b0 >> 6 != Version)
        {
            return RtpParseStatus.BadVersion;
        }

        int csrcCount = b0 & 0x0F;
        int offset = FixedSize + (4 * csrcCount);
        if (packet.Length < offset)
        {
            return RtpParseStatus.Truncated;
        }

        bool extension = (b0 & 0x10) != 0;
        if (extension)
        {
            // 16-bit profile-defined field, then the length in 32-bit words (RFC 3550 5.3.1).
            if (packet.Length < offset + 4)
            {
                return RtpParseStatus.Truncated;
            }

            offset += 4 + (4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]));
            if (packet.Length < offset)
            {
                return RtpParseStatus.Truncated;
            }
        }

        int end = packet.Length;
        bool padding = (b0 & 0x20) != 0;
        if (padding)
        {
            // The last octet counts the padding octets, itself included.
            int count = packet[^1];
            if (count == 0 || count > end - offset)
            {
                return RtpParseStatus.BadPadding;
            }

            end -= count;
        }

        byte b1 = packet[1];
        header = new RtpHeader
        {
            Padding = padding,
            Extension = extension,
            CsrcCount = csrcCount,
            Marker = (b1 & 0x80) != 0,
            PayloadType = b1 & 0x7F,
            SequenceNumber = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            Timestamp = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            Ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]),
            PayloadOffset = offset,
            PayloadLength = end - offset,
        };
        return RtpParseStatus.Ok;
    }

    /// <summary>Writes a 12-byte header with no CSRC, extension or padding (the form this
    /// server sends); returns 12, or 0 when <paramref name="destination"/> is too small.</summary>
    public static int WriteFixed(Span<byte> destination, bool marker, int payloadType, ushort sequenceNumber, uint timestamp, uint ssrc)
    {
        if (destination.Length < FixedSize)
        {
            return 0;
        }

        destination[0] = Version << 6;
        destination[1] = (byte)((marker ? 0x80 : 0) | (payloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ssrc);
        return FixedSize;
    }

    /// <summary>Writes this header's fixed part and the given CSRCs (the P and X bits are
    /// copied; the caller appends extension, payload and padding); returns the bytes written
    /// or 0 when the destination is too small.</summary>
    public int Write(Span<byte> destination, ReadOnlySpan<uint> csrcs)
    {
        int size = FixedSize + (4 * csrcs.Length);
        if (csrcs.Length > 15 || destination.Length < size)
        {
            return 0;
        }

        WriteFixed(destination, Marker, PayloadType, SequenceNumber, Timestamp, Ssrc);
        destination[0] |= (byte)((Padding ? 0x20 : 0) | (Extension ? 0x10 : 0) | csrcs.Length);
        for (int i = 0; i < csrcs.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(FixedSize + (4 * i))..], csrcs[i]);
        }

        return size;
    }
}
