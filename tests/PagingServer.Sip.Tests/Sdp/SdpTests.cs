using System.Text;
using PagingServer.Sip.Sdp;

namespace PagingServer.Sip.Tests.Sdp;

public sealed class SdpTests
{
    private static readonly SdpCodec[] Ours =
        [SdpCodec.Parse("PCMU/8000"), SdpCodec.Parse("PCMA/8000"), SdpCodec.Parse("G722/8000"),
         SdpCodec.Parse("opus/48000/2"), SdpCodec.Parse("telephone-event/8000")];

    private const string Offer =
        "v=0\r\no=alice 2890844526 2890844527 IN IP4 198.51.100.7\r\ns=call\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\n"
        + "m=video 51372 RTP/AVP 31\r\na=rtpmap:31 H261/90000\r\n"
        + "m=audio 49170 RTP/AVP 111 8 0 101\r\na=rtpmap:111 opus/48000/2\r\na=fmtp:111 useinbandfec=1\r\n"
        + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n";

    private static SdpSession Parse(string text)
    {
        var s = SdpSession.Parse(Encoding.UTF8.GetBytes(text), out string error);
        Assert.True(s is not null, error);
        return s!;
    }

    [Fact]
    public void An_offer_parses_with_rtpmap_fmtp_ptime_and_direction()
    {
        var s = Parse(Offer);
        Assert.Equal("2890844526", s.SessionId);
        Assert.Equal(2, s.Media.Count);
        var audio = s.Media[1];
        Assert.Equal(49170, audio.Port);
        Assert.Equal(["111", "8", "0", "101"], audio.Formats);
        Assert.Equal("opus", audio.FindRtpMap(111)!.EncodingName);
        Assert.Equal(2, audio.FindRtpMap(111)!.Channels);
        Assert.Equal("PCMA", audio.FindRtpMap(8)!.EncodingName);
        Assert.Equal("0-16", audio.Fmtp[101]);
        Assert.Equal(20, audio.PtimeMs);
        Assert.Equal(SdpDirection.SendRecv, s.DirectionOf(audio));
        Assert.Equal("198.51.100.7", s.AddressOf(audio));
    }

    [Fact]
    public void Our_preference_order_picks_the_codec_and_telephone_event_is_added()
    {
        var n = SdpNegotiator.Negotiate(Parse(Offer), Ours);
        Assert.True(n.Acceptable);
        Assert.Equal(1, n.MediaIndex);
        Assert.Equal(0, n.Codec!.PayloadType); // PCMU first in our list, offered as static 0
        Assert.Equal(101, n.TelephoneEvent!.PayloadType);
        Assert.Equal(49170, n.RemotePort);
        Assert.False(n.RemoteHold);

        string answer = SdpAnswerWriter.Write(Parse(Offer), n, new SdpLocalMedia("192.0.2.10", 40000, 42, 1));
        Assert.Contains("m=video 0 RTP/AVP 31\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("m=audio 40000 RTP/AVP 0 101\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=rtpmap:0 PCMU/8000\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=fmtp:101 0-16\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=ptime:20\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=sendrecv\r\n", answer, StringComparison.Ordinal);

        // The answer is itself valid SDP with as many m= lines as the offer (RFC 3264 6).
        var reparsed = Parse(answer);
        Assert.Equal(2, reparsed.Media.Count);
        Assert.Equal("192.0.2.10", reparsed.AddressOf(reparsed.Media[1]));
    }

    [Fact]
    public void Opus_is_chosen_when_it_is_the_only_common_codec()
    {
        var n = SdpNegotiator.Negotiate(Parse(Offer), [SdpCodec.Parse("opus/48000/2")]);
        Assert.True(n.Acceptable);
        Assert.Equal(111, n.Codec!.PayloadType);
        Assert.Null(n.TelephoneEvent);
    }

    [Fact]
    public void No_common_codec_is_reported_for_a_488()
    {
        string offer = "v=0\r\no=- 1 1 IN IP4 198.51.100.7\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 18 101\r\n"
            + "c=IN IP4 198.51.100.7\r\na=rtpmap:101 telephone-event/8000\r\n";
        var n = SdpNegotiator.Negotiate(Parse(offer), Ours);
        Assert.False(n.Acceptable);
        Assert.NotEmpty(n.Reason);
    }

    [Theory]
    [InlineData("c=IN IP4 0.0.0.0\r\n", "", SdpDirection.RecvOnly, true)]
    [InlineData("c=IN IP4 198.51.100.7\r\n", "a=sendonly\r\n", SdpDirection.RecvOnly, true)]
    [InlineData("c=IN IP4 198.51.100.7\r\n", "a=inactive\r\n", SdpDirection.Inactive, true)]
    [InlineData("c=IN IP4 198.51.100.7\r\n", "a=recvonly\r\n", SdpDirection.SendOnly, false)]
    public void Hold_and_directions_give_the_RFC_3264_answer_direction(string connection, string attribute, SdpDirection answer, bool hold)
    {
        string offer = "v=0\r\no=- 1 1 IN IP4 198.51.100.7\r\ns=-\r\n" + connection + "t=0 0\r\nm=audio 4000 RTP/AVP 8\r\n" + attribute;
        var n = SdpNegotiator.Negotiate(Parse(offer), Ours);
        Assert.True(n.Acceptable);
        Assert.Equal(answer, n.AnswerDirection);
        Assert.Equal(hold, n.RemoteHold);
    }

    [Fact]
    public void A_receive_only_paging_endpoint_answers_recvonly()
    {
        var n = SdpNegotiator.Negotiate(Parse(Offer), Ours, SdpDirection.RecvOnly);
        Assert.Equal(SdpDirection.RecvOnly, n.AnswerDirection);
    }

    [Theory]
    [InlineData("o=- 1 1 IN IP4 h\r\nv=0\r\ns=-\r\nt=0 0\r\n")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\nm=audio 1 RTP/AVP 0\r\n")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\nc=IN IP4 h\r\nm=audio x RTP/AVP 0\r\n")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\nc=IN IP4 h\r\nm=audio 1 RTP/AVP 0\r\na=ptime:x\r\n")]
    public void Invalid_sdp_is_rejected_with_a_reason(string text)
    {
        Assert.Null(SdpSession.Parse(Encoding.UTF8.GetBytes(text), out string error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void The_rfc4475_wsinv_body_parses_as_sdp()
    {
        var m = new PagingServer.Sip.Message.SipMessage();
        Assert.True(m.Parse(Rfc4475.CorpusLocator.Read("wsinv.dat")).IsOk);
        var s = SdpSession.Parse(m.Body, out string error);
        Assert.True(s is not null, error);
        Assert.Equal(2, s!.Media.Count);
        Assert.Equal("192.0.2.4", s.AddressOf(s.Media[0]));
        // "a=rtpmap:31 LPC" has no clock rate: the format has no usable mapping, the SDP still parses.
        Assert.Null(s.Media[1].FindRtpMap(31));
        Assert.Contains("rtpmap:31 LPC", s.Media[1].OtherAttributes);
    }
}
