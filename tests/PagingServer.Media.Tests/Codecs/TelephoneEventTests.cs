using PagingServer.Media.Codecs;

namespace PagingServer.Media.Tests.Codecs;

public class TelephoneEventTests
{
    [Fact]
    public void A_payload_is_parsed_into_event_end_volume_and_duration()
    {
        // RFC 4733 2.3: event 11 (#), E set, volume 10, duration 800 (100 ms at 8 kHz).
        Assert.True(TelephoneEvent.TryParse([11, 0x8A, 0x03, 0x20], out TelephoneEvent ev));
        Assert.Equal(new TelephoneEvent(11, true, 10, 800), ev);
        Assert.Equal('#', ev.DtmfDigit);
    }

    [Fact]
    public void The_reserved_bit_is_ignored_and_short_payloads_are_refused()
    {
        Assert.True(TelephoneEvent.TryParse([5, 0x40 | 7, 0, 160], out TelephoneEvent ev));
        Assert.Equal(new TelephoneEvent(5, false, 7, 160), ev);
        Assert.False(TelephoneEvent.TryParse([5, 0, 0], out _));
    }

    [Fact]
    public void Writing_then_parsing_gives_back_the_event()
    {
        var ev = new TelephoneEvent(15, true, 63, 65535);
        Span<byte> buffer = stackalloc byte[4];
        Assert.Equal(4, ev.Write(buffer));
        Assert.True(TelephoneEvent.TryParse(buffer, out TelephoneEvent back));
        Assert.Equal(ev, back);
        Assert.Equal('D', back.DtmfDigit);
    }

    [Fact]
    public void An_event_with_updates_and_three_end_packets_is_reported_once_started_and_once_ended()
    {
        var tracker = new TelephoneEventTracker();
        var reports = new List<TelephoneEventReport>();
        void Feed(uint ts, byte evt, bool end, ushort duration)
        {
            Span<byte> p = stackalloc byte[4];
            new TelephoneEvent(evt, end, 10, duration).Write(p);
            if (tracker.Accept(ts, p, out TelephoneEventReport r))
            {
                reports.Add(r);
            }
        }

        Feed(1000, 1, false, 400);
        Feed(1000, 1, false, 800);
        Feed(1000, 1, true, 1200);
        Feed(1000, 1, true, 1200);
        Feed(1000, 1, true, 1200);
        Feed(5000, 2, false, 400);

        Assert.Equal(3, reports.Count);
        Assert.False(reports[0].Event.End);
        Assert.True(reports[1].Event.End);
        Assert.Equal(1200, reports[1].Event.Duration);
        Assert.Equal(5000u, reports[2].RtpTimestamp);
        Assert.Equal(2, reports[2].Event.Event);
    }
}
