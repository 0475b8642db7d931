using System.Text;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;

namespace PagingServer.Sip.Tests.Message;

public sealed class SipMessageTests
{
    private static string S(ReadOnlySpan<byte> s) => Encoding.UTF8.GetString(s);

    private static (SipMessage, SipParseResult) Parse(string text, SipFraming framing = SipFraming.Datagram)
    {
        var m = new SipMessage(initialBytes: 64, initialHeaders: 4);
        return (m, m.Parse(Encoding.UTF8.GetBytes(text), framing));
    }

    private const string Head = "BYE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nTo: <sip:a@b>;tag=1\r\n"
        + "From: <sip:c@d>;tag=2\r\nCall-ID: x\r\nCSeq: 2 BYE\r\n";

    [Fact]
    public void Compact_forms_map_to_their_headers()
    {
        var (m, r) = Parse("OPTIONS sip:a@b SIP/2.0\r\nv: SIP/2.0/UDP h;branch=z9hG4bK1\r\nt: <sip:a@b>\r\nf: <sip:c@d>;tag=2\r\n"
            + "i: x@y\r\nCSeq: 1 OPTIONS\r\nm: <sip:c@h>\r\nk: timer\r\nc: text/plain\r\ns: hi\r\ne: gzip\r\nl: 2\r\n\r\nok");
        Assert.True(r.IsOk, r.Reason);
        Assert.Equal("x@y", S(m.CallId));
        Assert.Equal("h", S(m.Via().Host));
        Assert.Equal("2", S(m.From.Tag));
        Assert.Equal("c", S(m.Contact().Uri.User));
        Assert.True(m.ListContains(SipHeaderId.Supported, "TIMER"u8));
        Assert.Equal("text/plain", S(m.ContentType));
        Assert.Equal("hi", S(m.Get(SipHeaderId.Subject)));
        Assert.Equal("gzip", S(m.Get(SipHeaderId.ContentEncoding)));
        Assert.Equal("ok", S(m.Body));
    }

    [Fact]
    public void Commas_inside_quotes_and_angle_brackets_do_not_split_values()
    {
        var (m, r) = Parse(Head + "Contact: \"a, b\" <sip:x@h;p=1>, <sip:y@h?h=a,b>;q=0.5\r\nRoute: <sip:p1;lr>,<sip:p2;lr>\r\n"
            + "Require: 100rel , timer\r\nContent-Length: 0\r\n\r\n");
        Assert.True(r.IsOk, r.Reason);
        Assert.Equal(2, m.Count(SipHeaderId.Contact));
        Assert.Equal("\"a, b\"", S(m.Contact(0).DisplayName));
        Assert.Equal("h=a,b", S(m.Contact(1).Uri.Headers));
        Assert.Equal(2, m.Count(SipHeaderId.Route));
        Assert.Equal("p2", S(m.Route(1).Uri.Host));
        Assert.Equal("timer", S(m.Get(SipHeaderId.Require, 1)));
    }

    [Fact]
    public void Expires_and_retry_after_overflow_reads_as_absent()
    {
        var (m, r) = Parse(Head + "Expires: 4294967296\r\nRetry-After: 120 (busy);duration=60\r\nContent-Length: 0\r\n\r\n");
        Assert.True(r.IsOk, r.Reason);
        Assert.False(m.TryGetExpires(out _));
        Assert.True(m.TryGetRetryAfter(out uint retry));
        Assert.Equal(120u, retry);
    }

    [Theory]
    [InlineData("Content-Length: 5\r\n\r\nab", SipParseStatus.Truncated)]
    [InlineData("Content-Length: x\r\n\r\n", SipParseStatus.BadFraming)]
    [InlineData("Content-Length: 0\r\nl: 0\r\n\r\n", SipParseStatus.BadFraming)]
    [InlineData("Bad Header: 1\r\nContent-Length: 0\r\n\r\n", SipParseStatus.Malformed)]
    [InlineData("Via: ,\r\nContent-Length: 0\r\n\r\n", SipParseStatus.Malformed)]
    [InlineData("Content-Length: 0\r\n", SipParseStatus.Malformed)]
    public void Broken_framing_and_headers_give_a_status_not_an_exception(string tail, SipParseStatus status)
    {
        var (_, r) = Parse(Head + tail);
        Assert.Equal(status, r.Status);
        Assert.Equal(400, r.ResponseCode);
    }

    [Fact]
    public void Stream_framing_requires_content_length()
    {
        var (_, r) = Parse(Head + "\r\n", SipFraming.Stream);
        Assert.Equal(SipParseStatus.BadFraming, r.Status);
        var (m, ok) = Parse(Head + "\r\n");
        Assert.True(ok.IsOk);
        Assert.Equal(0, m.Body.Length);
    }

    [Fact]
    public void Leading_crlf_keepalives_are_skipped_and_large_messages_are_refused()
    {
        var (m, r) = Parse("\r\n\r\n" + Head + "Content-Length: 0\r\n\r\n");
        Assert.True(r.IsOk, r.Reason);
        Assert.Equal(SipMethod.Bye, m.MethodId);

        var big = new byte[SipMessage.MaxMessageBytes + 1];
        var tooLarge = new SipMessage().Parse(big);
        Assert.Equal(SipParseStatus.TooLarge, tooLarge.Status);
        Assert.Equal(513, tooLarge.ResponseCode);
    }

    [Fact]
    public void A_reused_message_forgets_the_previous_one()
    {
        var m = new SipMessage();
        Assert.True(m.Parse(Encoding.ASCII.GetBytes(Head + "Content-Length: 3\r\n\r\nabc")).IsOk);
        Assert.True(m.Parse(Encoding.ASCII.GetBytes("SIP/2.0 486 Busy Here\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n"
            + "To: <sip:a@b>;tag=1\r\nFrom: <sip:c@d>;tag=2\r\nCall-ID: y\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n")).IsOk);
        Assert.False(m.IsRequest);
        Assert.Equal(486, m.StatusCode);
        Assert.Equal("Busy Here", S(m.ReasonPhrase));
        Assert.Equal(0, m.Method.Length);
        Assert.Equal(0, m.Body.Length);
        Assert.Equal("y", S(m.CallId));
    }

    [Fact]
    public void A_copied_message_survives_reuse_of_the_scratch_message()
    {
        var scratch = new SipMessage();
        Assert.True(scratch.Parse(Encoding.ASCII.GetBytes(Head + "Content-Length: 3\r\n\r\nabc")).IsOk);
        var kept = new SipMessage(initialBytes: 16, initialHeaders: 1);
        kept.CopyFrom(scratch);
        Assert.True(scratch.Parse(Encoding.ASCII.GetBytes("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP q;branch=z9hG4bK2\r\n"
            + "To: <sip:a@b>\r\nFrom: <sip:c@d>\r\nCall-ID: other\r\nCSeq: 9 BYE\r\nContent-Length: 0\r\n\r\n")).IsOk);
        Assert.Equal(SipMethod.Bye, kept.MethodId);
        Assert.Equal("x", S(kept.CallId));
        Assert.Equal("abc", S(kept.Body));
        Assert.Equal("z9hG4bK1", S(kept.Via().Branch));
    }
}
