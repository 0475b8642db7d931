using PagingServer.Media.Rtp;

namespace PagingServer.Media.Tests.Rtp;

public class RtpHeaderTests
{
    [Fact]
    public void A_fixed_header_is_parsed_field_by_field()
    {
        byte[] packet = [0x80, 0x88, 0x12, 0x34, 0xDE, 0xAD, 0xBE, 0xEF, 0x01, 0x02, 0x03, 0x04, 0xAA, 0xBB];
        Assert.Equal(RtpParseStatus.Ok, RtpHeader.TryParse(packet, out RtpHeader h));
        Assert.True(h.Marker);
        Assert.Equal(8, h.PayloadType);
        Assert.Equal(0x1234, h.SequenceNumber);
        Assert.Equal(0xDEADBEEFu, h.Timestamp);
        Assert.Equal(0x01020304u, h.Ssrc);
        Assert.Equal(12, h.PayloadOffset);
        Assert.Equal(2, h.PayloadLength);
        Assert.False(h.Padding || h.Extension);
    }

    [Fact]
    public void Csrcs_an_extension_and_padding_are_skipped_to_find_the_payload()
    {
        // V=2 P=1 X=1 CC=2; two CSRCs; extension of one word; 3 payload bytes; 4 bytes padding.
        byte[] packet =
        [
            0xB2, 0x00, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3,
            1, 1, 1, 1, 2, 2, 2, 2,
            0xBE, 0xDE, 0, 1, 9, 9, 9, 9,
            7, 8, 9,
            0, 0, 0, 4,
        ];
        Assert.Equal(RtpParseStatus.Ok, RtpHeader.TryParse(packet, out RtpHeader h));
        Assert.Equal(2, h.CsrcCount);
        Assert.True(h.Padding && h.Extension);
        Assert.Equal(28, h.PayloadOffset);
        Assert.Equal(3, h.PayloadLength);
        Assert.Equal([7, 8, 9], packet.AsSpan(h.PayloadOffset, h.PayloadLength).ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0 }, RtpParseStatus.Truncated)]
    [InlineData(new byte[] { 0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, RtpParseStatus.BadVersion)]
    [InlineData(new byte[] { 0x81, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, RtpParseStatus.Truncated)]
    [InlineData(new byte[] { 0x90, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5 }, RtpParseStatus.Truncated)]
    [InlineData(new byte[] { 0xA0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 9 }, RtpParseStatus.BadPadding)]
    [InlineData(new byte[] { 0xA0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0 }, RtpParseStatus.BadPadding)]
    public void Malformed_packets_are_refused_with_a_reason(byte[] packet, RtpParseStatus expected) =>
        Assert.Equal(expected, RtpHeader.TryParse(packet, out _));

    [Fact]
    public void Writing_then_parsing_gives_back_the_header()
    {
        var h = new RtpHeader { Marker = true, PayloadType = 101, SequenceNumber = 65535, Timestamp = uint.MaxValue, Ssrc = 42 };
        var buffer = new byte[20];
        Assert.Equal(16, h.Write(buffer, [7u]));
        Assert.Equal(RtpParseStatus.Ok, RtpHeader.TryParse(buffer, out RtpHeader back));
        Assert.Equal(h with { CsrcCount = 1, PayloadOffset = 16, PayloadLength = 4 }, back);
        Assert.Equal(0, RtpHeader.WriteFixed(new byte[11], false, 0, 0, 0, 0));
    }
}
