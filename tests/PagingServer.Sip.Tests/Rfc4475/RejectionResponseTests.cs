using System.Text;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;
using PagingServer.Sip.Validation;
using PagingServer.Sip.Writer;

namespace PagingServer.Sip.Tests.Rfc4475;

// The final responses a UAS sends for the application-layer torture cases carry the headers RFC 3261 asks for.
public sealed class RejectionResponseTests
{
    private static SipMessage Respond(string file, out SipMessage request)
    {
        request = new SipMessage();
        Assert.True(request.Parse(CorpusLocator.Read(file)).IsOk);
        var verdict = UasRequestCheck.Check(request, UasCapabilities.Default);
        Assert.False(verdict.IsOk);
        var buffer = new byte[4096];
        var w = new SipWriter(buffer);
        SipResponseBuilder.WriteHead(ref w, request, verdict.StatusCode, Encoding.ASCII.GetBytes(verdict.Reason), "ourtag"u8);
        UasResponseHeaders.Write(ref w, verdict.StatusCode, request, UasCapabilities.Default);
        int n = w.Finish(default);
        var response = new SipMessage();
        var r = response.Parse(buffer.AsSpan(0, n));
        Assert.True(r.IsOk, r.Reason);
        return response;
    }

    [Fact]
    public void Bext01_gets_420_listing_both_unsupported_require_tags()
    {
        var response = Respond("bext01.dat", out _);
        Assert.Equal(420, response.StatusCode);
        Assert.Equal(2, response.Count(SipHeaderId.Unsupported));
        Assert.Equal("nothingSupportsThisEither", Encoding.ASCII.GetString(response.Get(SipHeaderId.Unsupported, 1)));
        Assert.Equal("ourtag", Encoding.ASCII.GetString(response.To.Tag));
    }

    [Fact]
    public void Register_to_the_UA_gets_405_with_allow()
    {
        var response = Respond("cparam01.dat", out var request);
        Assert.Equal(405, response.StatusCode);
        Assert.True(response.ListContains(SipHeaderId.Allow, "INVITE"u8));
        Assert.False(response.ListContains(SipHeaderId.Allow, "REGISTER"u8));
        Assert.Equal(request.CSeq.Number, response.CSeq.Number);
    }

    [Fact]
    public void Invut_gets_415_with_accept()
    {
        var response = Respond("invut.dat", out _);
        Assert.Equal(415, response.StatusCode);
        Assert.Equal("application/sdp", Encoding.ASCII.GetString(response.Get(SipHeaderId.Accept)));
    }

    [Fact]
    public void A_stateless_400_for_insuf_copies_what_exists_and_writes_no_empty_headers()
    {
        var request = new SipMessage();
        Assert.True(request.Parse(CorpusLocator.Read("insuf.dat")).IsOk);
        Assert.Equal(400, UasRequestCheck.Check(request, UasCapabilities.Default).StatusCode);
        var buffer = new byte[2048];
        var w = new SipWriter(buffer);
        SipResponseBuilder.WriteHead(ref w, request, 400, "Missing Header Fields"u8, "t"u8);
        string text = Encoding.ASCII.GetString(buffer, 0, w.Finish(default));
        Assert.Contains("CSeq: 193942 INVITE\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Via: SIP/2.0/UDP 192.0.2.95;branch=z9hG4bKkdj.insuf\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("From:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Call-ID:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Badvers_gets_a_505_that_still_carries_the_request_headers()
    {
        var request = new SipMessage();
        var result = request.Parse(CorpusLocator.Read("badvers.dat"));
        Assert.Equal(505, result.ResponseCode);
        Assert.True(request.IsRequest);
        var buffer = new byte[2048];
        var w = new SipWriter(buffer);
        SipResponseBuilder.WriteHead(ref w, request, result.ResponseCode, "Version Not Supported"u8, "t"u8);
        var response = new SipMessage();
        Assert.True(response.Parse(buffer.AsSpan(0, w.Finish(default))).IsOk);
        Assert.Equal(505, response.StatusCode);
        Assert.Equal("z9hG4bKkdjuw", Encoding.ASCII.GetString(response.Via().Branch));
        Assert.Equal("badvers.31417@c.example.com", Encoding.ASCII.GetString(response.CallId));
        Assert.Equal("qweoiqpe", Encoding.ASCII.GetString(response.From.Tag));
    }
}
