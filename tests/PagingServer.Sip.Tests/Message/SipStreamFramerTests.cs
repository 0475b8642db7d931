using System.Text;
using PagingServer.Sip.Message;

namespace PagingServer.Sip.Tests.Message;

public sealed class SipStreamFramerTests
{
    private static readonly byte[] Two = Encoding.ASCII.GetBytes(
        "OPTIONS sip:a@b SIP/2.0\r\nl: 3\r\n\r\nabc"
        + "\r\n\r\n"
        + "OPTIONS sip:a@b SIP/2.0\r\nContent-Length : 0\r\n\r\n");

    [Fact]
    public void Messages_and_keepalives_are_cut_from_a_stream_in_order()
    {
        var data = Two.AsSpan();
        var f1 = SipStreamFramer.Frame(data);
        Assert.Equal(SipFrameStatus.Message, f1.Status);
        Assert.Equal(0, f1.Skip);
        Assert.EndsWith("abc", Encoding.ASCII.GetString(data.Slice(f1.Skip, f1.Length)), StringComparison.Ordinal);
        data = data[(f1.Skip + f1.Length)..];

        var f2 = SipStreamFramer.Frame(data);
        Assert.Equal(SipFrameStatus.Message, f2.Status);
        Assert.Equal(4, f2.Skip);
        Assert.Equal(data.Length - 4, f2.Length);
        Assert.Equal(SipFrameStatus.KeepAlive, SipStreamFramer.Frame("\r\n\r\n"u8).Status);
    }

    [Fact]
    public void Every_split_point_needs_more_until_the_message_is_complete()
    {
        var first = SipStreamFramer.Frame(Two);
        for (int n = 0; n < first.Length; n++)
        {
            var f = SipStreamFramer.Frame(Two.AsSpan(0, n));
            Assert.True(f.Status is SipFrameStatus.NeedMore or SipFrameStatus.KeepAlive, $"at {n}: {f.Status}");
        }
        Assert.Equal(SipFrameStatus.Message, SipStreamFramer.Frame(Two.AsSpan(0, first.Length)).Status);
    }

    [Theory]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: -1\r\n\r\n")]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nl: 1\r\nl: 1\r\n\r\nx")]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nVia: x\r\n\r\n")]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nl: 99999999\r\n\r\n")]
    public void Unframeable_streams_are_reported(string text)
    {
        Assert.Equal(SipFrameStatus.BadFraming, SipStreamFramer.Frame(Encoding.ASCII.GetBytes(text)).Status);
    }
}
