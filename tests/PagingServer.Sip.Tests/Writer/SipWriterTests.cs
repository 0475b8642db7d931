using System.Net;
using System.Text;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;
using PagingServer.Sip.Writer;

namespace PagingServer.Sip.Tests.Writer;

public sealed class SipWriterTests
{
    private const string Invite =
        "INVITE sip:paging@192.0.2.10 SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP pc33.example.com:5060;branch=z9hG4bK776asdhds;rport\r\n"
        + "Via: SIP/2.0/UDP proxy.example.com;branch=z9hG4bKproxy1;received=192.0.2.99\r\n"
        + "Max-Forwards: 70\r\n"
        + "To: Paging <sip:paging@192.0.2.10>\r\n"
        + "From: Alice <sip:alice@example.com>;tag=1928301774\r\n"
        + "Call-ID: a84b4c76e66710@pc33.example.com\r\n"
        + "CSeq: 314159 INVITE\r\n"
        + "Timestamp: 54\r\n"
        + "Contact: <sip:alice@pc33.example.com>\r\n"
        + "Content-Length: 0\r\n\r\n";

    private static SipMessage Parse(ReadOnlySpan<byte> bytes)
    {
        var m = new SipMessage();
        var r = m.Parse(bytes);
        Assert.True(r.IsOk, r.Reason);
        return m;
    }

    [Fact]
    public void A_written_request_parses_back_with_a_computed_content_length()
    {
        var buffer = new byte[1500];
        var w = new SipWriter(buffer);
        w.RequestLine("OPTIONS"u8, "sip:bob@example.com"u8);
        w.Header(SipHeaderId.Via, "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKabc;rport"u8);
        w.Header(SipHeaderId.MaxForwards, 70);
        w.Header(SipHeaderId.From, "<sip:paging@192.0.2.1>;tag=xyz");
        w.Header(SipHeaderId.To, "<sip:bob@example.com>"u8);
        w.Header(SipHeaderId.CallId, "c1@192.0.2.1"u8);
        w.Header(SipHeaderId.CSeq, "1 OPTIONS"u8);
        w.Header(SipHeaderId.ContentType, "text/plain"u8);
        int length = w.Finish("hello"u8);
        Assert.True(length > 0);

        var m = Parse(buffer.AsSpan(0, length));
        Assert.Equal(SipMethod.Options, m.MethodId);
        Assert.Equal(5, m.ContentLength);
        Assert.Equal("hello", Encoding.ASCII.GetString(m.Body));
        Assert.Equal(70, m.MaxForwards);
        Assert.Equal("xyz", Encoding.ASCII.GetString(m.From.Tag));
        Assert.True(m.Via().HasRport);
    }

    [Fact]
    public void A_full_buffer_reports_overflow_instead_of_throwing()
    {
        var w = new SipWriter(new byte[40]);
        w.RequestLine("OPTIONS"u8, "sip:bob@example.com"u8);
        w.Header(SipHeaderId.CallId, "0123456789012345678901234567890123456789"u8);
        Assert.True(w.Overflowed);
        Assert.Equal(-1, w.Finish(default));
    }

    [Fact]
    public void A_response_copies_the_RFC_3261_8_2_6_headers_and_adds_the_to_tag()
    {
        var request = Parse(Encoding.ASCII.GetBytes(Invite));
        var buffer = new byte[1500];
        var w = new SipWriter(buffer);
        SipResponseBuilder.WriteHead(ref w, request, 180, "Ringing"u8, toTag: "as83kd9"u8);
        int length = w.Finish(default);

        var response = Parse(buffer.AsSpan(0, length));
        Assert.Equal(180, response.StatusCode);
        Assert.Equal(2, response.Count(SipHeaderId.Via));
        Assert.Equal("z9hG4bK776asdhds", Encoding.ASCII.GetString(response.Via(0).Branch));
        Assert.Equal("z9hG4bKproxy1", Encoding.ASCII.GetString(response.Via(1).Branch));
        Assert.Equal("as83kd9", Encoding.ASCII.GetString(response.To.Tag));
        Assert.Equal("1928301774", Encoding.ASCII.GetString(response.From.Tag));
        Assert.True(response.CallId.SequenceEqual(request.CallId));
        Assert.Equal(314159u, response.CSeq.Number);
        Assert.Equal(0, response.Count(SipHeaderId.Contact));
        Assert.False(response.TryGet("Timestamp"u8, out _));
    }

    [Fact]
    public void A_100_Trying_echoes_Timestamp_and_has_no_to_tag()
    {
        var request = Parse(Encoding.ASCII.GetBytes(Invite));
        var buffer = new byte[1500];
        var w = new SipWriter(buffer);
        SipResponseBuilder.WriteHead(ref w, request, 100, "Trying"u8, toTag: "as83kd9"u8);
        var response = Parse(buffer.AsSpan(0, w.Finish(default)));
        Assert.Equal(0, response.To.Tag.Length);
        Assert.True(response.TryGet("Timestamp"u8, out var ts));
        Assert.Equal("54", Encoding.ASCII.GetString(ts));
    }

    [Fact]
    public void Received_and_rport_are_filled_in_the_top_via_per_RFC_3581()
    {
        var request = Parse(Encoding.ASCII.GetBytes(Invite));
        var buffer = new byte[1500];
        var w = new SipWriter(buffer);
        SipResponseBuilder.WriteHead(ref w, request, 200, "OK"u8, "t1"u8, new IPEndPoint(IPAddress.Parse("203.0.113.5"), 40123));
        var response = Parse(buffer.AsSpan(0, w.Finish(default)));
        var top = response.Via(0);
        Assert.Equal(40123, top.Rport);
        Assert.Equal("203.0.113.5", Encoding.ASCII.GetString(top.Received));
        Assert.Equal("z9hG4bK776asdhds", Encoding.ASCII.GetString(top.Branch));
        Assert.Equal("pc33.example.com", Encoding.ASCII.GetString(top.Host));
        Assert.Equal(5060, top.Port);
        Assert.Equal("192.0.2.99", Encoding.ASCII.GetString(response.Via(1).Received));
    }

    [Fact]
    public void Received_is_omitted_when_the_sent_by_address_is_the_source_and_no_rport_was_asked()
    {
        string req = Invite.Replace("pc33.example.com:5060;branch=z9hG4bK776asdhds;rport", "198.51.100.1:5060;branch=z9hG4bK1", StringComparison.Ordinal);
        var request = Parse(Encoding.ASCII.GetBytes(req));
        var buffer = new byte[1500];
        var w = new SipWriter(buffer);
        SipResponseBuilder.WriteHead(ref w, request, 200, "OK"u8, "t1"u8, new IPEndPoint(IPAddress.Parse("198.51.100.1"), 5060));
        var response = Parse(buffer.AsSpan(0, w.Finish(default)));
        Assert.Equal(0, response.Via().Received.Length);
        Assert.False(response.Via().HasRport);

        var w2 = new SipWriter(buffer);
        SipResponseBuilder.WriteHead(ref w2, request, 200, "OK"u8, "t1"u8, new IPEndPoint(IPAddress.Parse("2001:db8::1"), 5060));
        var v6 = Parse(buffer.AsSpan(0, w2.Finish(default)));
        Assert.Equal("2001:db8::1", Encoding.ASCII.GetString(v6.Via().Received));
    }

    [Fact]
    public void Cancel_and_ack_for_a_non_2xx_copy_the_invite_transaction_fields()
    {
        string inviteText = Invite.Replace("Contact:", "Route: <sip:p1.example.com;lr>\r\nContact:", StringComparison.Ordinal);
        var invite = Parse(Encoding.ASCII.GetBytes(inviteText));
        var response = Parse(Encoding.ASCII.GetBytes("SIP/2.0 486 Busy Here\r\nVia: SIP/2.0/UDP pc33.example.com:5060;branch=z9hG4bK776asdhds\r\n"
            + "To: Paging <sip:paging@192.0.2.10>;tag=zz9\r\nFrom: Alice <sip:alice@example.com>;tag=1928301774\r\n"
            + "Call-ID: a84b4c76e66710@pc33.example.com\r\nCSeq: 314159 INVITE\r\nContent-Length: 0\r\n\r\n"));
        var buffer = new byte[1500];

        var w = new SipWriter(buffer);
        SipRequestBuilder.WriteCancel(ref w, invite);
        var cancel = Parse(buffer.AsSpan(0, w.Finish(default)));
        Assert.Equal(SipMethod.Cancel, cancel.MethodId);
        Assert.Equal(1, cancel.Count(SipHeaderId.Via));
        Assert.Equal("z9hG4bK776asdhds", Encoding.ASCII.GetString(cancel.Via().Branch));
        Assert.Equal(314159u, cancel.CSeq.Number);
        Assert.Equal("CANCEL", Encoding.ASCII.GetString(cancel.CSeq.Method));
        Assert.Equal(0, cancel.To.Tag.Length);
        Assert.Equal(1, cancel.Count(SipHeaderId.Route));
        Assert.True(cancel.RequestUriText.SequenceEqual(invite.RequestUriText));

        var w2 = new SipWriter(buffer);
        SipRequestBuilder.WriteAckForNon2xx(ref w2, invite, response);
        var ack = Parse(buffer.AsSpan(0, w2.Finish(default)));
        Assert.Equal(SipMethod.Ack, ack.MethodId);
        Assert.Equal("zz9", Encoding.ASCII.GetString(ack.To.Tag));
        Assert.Equal("ACK", Encoding.ASCII.GetString(ack.CSeq.Method));
        Assert.True(Validation.UasRequestCheck.Check(ack, Validation.UasCapabilities.Default).IsOk);
    }
}
