using System.Buffers.Binary;
using PagingServer.Media.Rtp;

namespace PagingServer.Media.Tests.Rtp;

public class RtcpTests
{
    [Fact]
    public void A_receiver_report_carries_every_field_of_its_block()
    {
        var block = new ReportBlock(0x11223344, 64, -3, 0x0001FFFF, 123, 0xAABBCCDD, 0x00010000);
        var buffer = new byte[64];
        int n = Rtcp.WriteReceiverReport(buffer, 0x55667788, [block]);
        Assert.Equal(32, n);
        Assert.Equal(0x81, buffer[0]);              // V=2, RC=1
        Assert.Equal(201, buffer[1]);               // RR
        Assert.Equal(7, BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(2))); // 32 bytes = 8 words - 1
        Assert.Equal(0x55667788u, BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(4)));
        Assert.Equal(0x11223344u, BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(8)));
        Assert.Equal(64, buffer[12]);
        Assert.Equal([0xFF, 0xFF, 0xFD], buffer[13..16]);  // -3 in 24-bit two's complement
        Assert.Equal(0x0001FFFFu, BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(16)));
        Assert.Equal(123u, BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(20)));
        Assert.Equal(0xAABBCCDDu, BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(24)));
        Assert.Equal(0x00010000u, BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(28)));
    }

    [Fact]
    public void A_compound_report_with_cname_is_read_back_as_valid_rtcp()
    {
        var buffer = new byte[128];
        int n = Rtcp.WriteReceiverReport(buffer, 9, []);
        n += Rtcp.WriteSdesCname(buffer.AsSpan(n), 9, "paging@test"u8);
        Assert.Equal(0, n % 4);
        Assert.True(Rtcp.TryRead(buffer.AsSpan(0, n), out RtcpSummary s));
        Assert.Equal(9u, s.SenderSsrc);
        Assert.False(s.HasSenderReport);
    }

    [Fact]
    public void The_middle_of_a_sender_reports_ntp_time_becomes_lsr()
    {
        byte[] sr = new byte[28];
        sr[0] = 0x80;
        sr[1] = 200;
        BinaryPrimitives.WriteUInt16BigEndian(sr.AsSpan(2), 6);
        BinaryPrimitives.WriteUInt32BigEndian(sr.AsSpan(4), 77);
        BinaryPrimitives.WriteUInt64BigEndian(sr.AsSpan(8), 0x1122334455667788);
        Assert.True(Rtcp.TryRead(sr, out RtcpSummary s));
        Assert.True(s.HasSenderReport);
        Assert.Equal(77u, s.SenderSsrc);
        Assert.Equal(0x33445566u, s.NtpMiddle);
    }

    [Fact]
    public void Packets_whose_lengths_do_not_add_up_or_that_start_with_sdes_are_refused()
    {
        var buffer = new byte[64];
        int n = Rtcp.WriteReceiverReport(buffer, 1, []);
        Assert.False(Rtcp.TryRead(buffer.AsSpan(0, n + 4), out _));
        int sdes = Rtcp.WriteSdesCname(buffer, 1, "x"u8);
        Assert.False(Rtcp.TryRead(buffer.AsSpan(0, sdes), out _));
    }
}
