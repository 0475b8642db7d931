using System.Buffers.Binary;

namespace PagingServer.Media.Codecs;

/// <summary>
/// One RFC 4733 telephone-event payload (section 2.3): event code (0-9, 10 = *, 11 = #,
/// 12-15 = A-D for DTMF), end bit, volume in -dBm0 and duration in RTP timestamp units.
/// </summary>
public readonly record struct TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration)
{
    /// <summary>Size of one event block.</summary>
    public const int Size = 4;

    /// <summary>Parses the first event block; false when the payload is shorter than 4 bytes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out TelephoneEvent value)
    {
        if (payload.Length < Size)
        {
            value = default;
            return false;
        }

        // Byte 1: E (end) bit, R (reserved, ignored by receivers) bit, 6-bit volume.
        value = new TelephoneEvent(
            payload[0],
            (payload[1] & 0x80) != 0,
            (byte)(payload[1] & 0x3F),
            BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes this event into <paramref name="payload"/>; returns 4, or 0 when too small.</summary>
    public int Write(Span<byte> payload)
    {
        if (payload.Length < Size)
        {
            return 0;
        }

        payload[0] = Event;
        payload[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(payload[2..], Duration);
        return Size;
    }

    /// <summary>The DTMF character for events 0-15, otherwise '?'.</summary>
    public char DtmfDigit => Event switch
    {
        <= 9 => (char)('0' + Event),
        10 => '*',
        11 => '#',
        <= 15 => (char)('A' + Event - 12),
        _ => '?',
    };
}

/// <summary>An event reported once when it starts and once when it ends.</summary>
/// <param name="Event">The payload as last received.</param>
/// <param name="RtpTimestamp">The event's start timestamp: all packets of one event share it.</param>
public readonly record struct TelephoneEventReport(TelephoneEvent Event, uint RtpTimestamp);

/// <summary>
/// Turns the stream of RFC 4733 packets (updates every 50 ms, the end packet sent three
/// times, section 2.5.1.4) into one start and one end report per event.
/// </summary>
public sealed class TelephoneEventTracker
{
    private uint timestamp;
    private bool active;
    private bool ended;

    /// <summary>Feeds one payload; returns true with <paramref name="report"/> set when the
    /// packet starts a new event or ends the current one.</summary>
    public bool Accept(uint rtpTimestamp, ReadOnlySpan<byte> payload, out TelephoneEventReport report)
    {
        report = default;
        if (!TelephoneEvent.TryParse(payload, out TelephoneEvent ev))
        {
            return false;
        }

        bool newEvent = !active || rtpTimestamp != timestamp;
        if (newEvent)
        {
            active = true;
            timestamp = rtpTimestamp;
            ended = ev.End;
            report = new TelephoneEventReport(ev, rtpTimestamp);
            return true;
        }

        if (ev.End && !ended)
        {
            ended = true;
            report = new TelephoneEventReport(ev, rtpTimestamp);
            return true;
        }

        return false;
    }
}
