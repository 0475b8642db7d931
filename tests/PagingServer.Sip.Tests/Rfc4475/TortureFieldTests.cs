using System.Text;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;
using PagingServer.Sip.Uri;

namespace PagingServer.Sip.Tests.Rfc4475;

// Field-level checks on the valid RFC 4475 messages: they parse, and parse correctly.
public sealed class TortureFieldTests
{
    private static SipMessage Parse(string file)
    {
        var m = new SipMessage();
        var r = m.Parse(CorpusLocator.Read(file));
        Assert.True(r.IsOk, $"{file}: {r.Status} {r.Reason} at {r.Offset}");
        return m;
    }

    private static string S(ReadOnlySpan<byte> s) => Encoding.UTF8.GetString(s);

    private static string Unescaped(ReadOnlySpan<byte> s)
    {
        Span<byte> buf = stackalloc byte[256];
        int n = SipEscaping.Unescape(s, buf);
        return Encoding.Latin1.GetString(buf[..n]);
    }

    [Fact]
    public void Wsinv_folded_and_spaced_headers_read_back_as_their_values()
    {
        var m = Parse("wsinv.dat");
        Assert.Equal(SipMethod.Invite, m.MethodId);
        Assert.Equal("1918181833n", S(m.To.Tag));
        Assert.Equal("98asjd8", S(m.From.Tag));
        Assert.Equal("\"J Rosenberg \\\\\\\"\"", S(m.From.DisplayName));
        Assert.Equal(68, m.MaxForwards);
        Assert.Equal(9u, m.CSeq.Number);
        Assert.Equal("INVITE", S(m.CSeq.Method));
        Assert.Equal(3, m.Count(SipHeaderId.Via));
        Assert.Equal("390skdjuw", S(m.Via(0).Branch));
        Assert.Equal("UDP", S(m.Via(0).Transport));
        Assert.Equal("spindle.example.com", S(m.Via(1).Host));
        Assert.Equal("z9hG4bK9ikj8", S(m.Via(1).Branch));
        Assert.Equal("192.168.255.111", S(m.Via(2).Host));
        Assert.Equal("z9hG4bK30239", S(m.Via(2).Branch));
        Assert.True(m.Contact().TryGetParameter("q"u8, out var q));
        Assert.Equal("0.33", S(q));
        Assert.True(m.Contact().TryGetParameter("newparam"u8, out var np));
        Assert.Equal("newvalue", S(np));
        Assert.True(m.TryGet("NewFangledHeader"u8, out var nf));
        Assert.StartsWith("newfangled value", S(nf));
        Assert.EndsWith("continued newfangled value", S(nf));
        Assert.True(m.TryGet("UnknownHeaderWithUnusualValue"u8, out var odd));
        Assert.Equal(";;,,;;,;", S(odd));
        Assert.Equal(150, m.Body.Length);
        Assert.Equal("application/sdp", S(m.ContentType));
        Assert.True(m.Route().Uri.TryGetParameter("lr"u8, out _));
    }

    [Fact]
    public void Intmeth_keeps_unusual_method_user_password_and_quoted_controls()
    {
        var m = Parse("intmeth.dat");
        Assert.Equal(SipMethod.Unknown, m.MethodId);
        Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", S(m.Method));
        var uri = m.RequestUri;
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", S(uri.User));
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", S(uri.Password));
        Assert.Equal("example.com", S(uri.Host));
        Span<byte> name = stackalloc byte[64];
        int n = m.To.DecodeDisplayName(name);
        Assert.Equal("BEL:\a NUL:\0 DEL:\x7f", Encoding.Latin1.GetString(name[..n]));
        Assert.Equal("token1~` token2'+_ token3*%!.-", S(m.From.DisplayName));
        Assert.Equal("_token~1'+`*%!-.", S(m.From.Tag));
    }

    [Fact]
    public void Esc01_escapes_decode_once_and_not_recursively()
    {
        var m = Parse("esc01.dat");
        Assert.Equal("sips:user@example.com", Unescaped(m.RequestUri.User));
        Assert.Equal("user", Unescaped(m.To.Uri.User));
        Assert.Equal("I have spaces", Unescaped(m.From.Uri.User));
        var contact = m.Contact().Uri;
        Assert.Equal("caller", Unescaped(contact.User));
        Assert.True(SipEscaping.EqualsUnescaped(contact.User, "caller"u8, ignoreCase: false));
        var reader = new SipParameterReader(contact.Parameters, uriParameters: true);
        Assert.True(reader.MoveNext(out var p1, out _, out bool v1));
        Assert.Equal("lr", Unescaped(p1));
        Assert.False(v1);
        Assert.True(reader.MoveNext(out var p2, out var val2, out _));
        Assert.Equal("name", Unescaped(p2));
        Assert.Equal("value%41", Unescaped(val2));
        Assert.False(SipEscaping.EqualsUnescaped(val2, "valueA"u8, ignoreCase: true));
    }

    [Fact]
    public void Escnull_user_part_keeps_the_escaped_nul()
    {
        var m = Parse("escnull.dat");
        Assert.Equal("null-\0-null", Unescaped(m.To.Uri.User));
        Assert.Equal(2, m.Count(SipHeaderId.Contact));
        Assert.Equal("\0\0", Unescaped(m.Contact(1).Uri.User));
    }

    [Fact]
    public void Esc02_has_two_contacts_and_an_unknown_escaped_header_name()
    {
        var m = Parse("esc02.dat");
        Assert.Equal("RE%47IST%45R", S(m.Method));
        Assert.Equal(SipMethod.Unknown, m.MethodId);
        Assert.Equal(2, m.Count(SipHeaderId.Contact));
        Assert.Equal("host1.example.com", S(m.Contact(0).Uri.Host));
        Assert.Equal("host3.example.com", S(m.Contact(1).Uri.Host));
        Assert.True(m.TryGet("C%6Fntact"u8, out var other));
        Assert.Equal("<sip:alias2@host2.example.com>", S(other));
        Assert.Equal("\"%Z%45\"", S(m.To.DisplayName));
    }

    [Fact]
    public void Lwsdisp_and_longreq_and_semiuri_and_transports_read_correctly()
    {
        Assert.Equal("caller", S(Parse("lwsdisp.dat").From.DisplayName));

        var lr = Parse("longreq.dat");
        Assert.Equal(34, lr.Count(SipHeaderId.Via));
        Assert.Equal(6000, lr.To.Uri.Port);
        Assert.Equal("192.0.2.5", S(lr.Via(33).Received));
        Assert.StartsWith("\"I have a user name of extreme", S(lr.To.DisplayName));

        var semi = Parse("semiuri.dat");
        Assert.Equal("user;par=u%40example.net", S(semi.RequestUri.User));
        Assert.Equal("example.com", S(semi.RequestUri.Host));
        Assert.Equal(6, semi.Count(SipHeaderId.Accept));

        var tr = Parse("transports.dat");
        string[] transports = ["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"];
        for (int i = 0; i < transports.Length; i++)
        {
            Assert.Equal(transports[i], S(tr.Via(i).Transport));
        }
    }

    [Fact]
    public void Dblreq_and_mpart01_bodies_are_framed_by_content_length()
    {
        byte[] dbl = CorpusLocator.Read("dblreq.dat");
        var m = Parse("dblreq.dat");
        Assert.Equal(SipMethod.Register, m.MethodId);
        Assert.Equal(0, m.Body.Length);
        Assert.True(m.Bytes.Length < dbl.Length);

        var mp = Parse("mpart01.dat");
        Assert.Equal(553, mp.Body.Length);
        Assert.True(mp.Via().HasRport);
        Assert.Equal(-1, mp.Via().Rport);
        Assert.Equal("multipart/mixed", S(mp.ContentType));
    }

    [Fact]
    public void Responses_with_odd_reason_phrases_parse()
    {
        var u = Parse("unreason.dat");
        Assert.Equal(200, u.StatusCode);
        Assert.StartsWith("= 2**3 * 5**2 но сто", S(u.ReasonPhrase));
        var n = Parse("noreason.dat");
        Assert.Equal(100, n.StatusCode);
        Assert.Equal(0, n.ReasonPhrase.Length);
        var b = Parse("bcast.dat");
        Assert.Equal("255.255.255.255", S(b.Via(1).Host));
    }

    [Fact]
    public void Contact_params_are_told_apart_from_uri_params()
    {
        var c1 = Parse("cparam01.dat").Contact();
        Assert.False(c1.Bracketed);
        Assert.True(c1.TryGetParameter("unknownparam"u8, out _));
        Assert.Equal(0, c1.Uri.Parameters.Length);

        var c2 = Parse("cparam02.dat").Contact();
        Assert.True(c2.Bracketed);
        Assert.False(c2.TryGetParameter("unknownparam"u8, out _));
        Assert.True(c2.Uri.TryGetParameter("unknownparam"u8, out _));

        var rc = Parse("regescrt.dat").Contact();
        Assert.Equal("Route=%3Csip:sip.example.com%3E", S(rc.Uri.Headers));
    }

    [Fact]
    public void Application_layer_cases_expose_the_fields_the_checks_need()
    {
        Assert.Equal(0, Parse("zeromf.dat").MaxForwards);
        Assert.Equal("z9hG4bK", S(Parse("badbranch.dat").Via().Branch));
        var unk = Parse("unksm2.dat");
        Assert.Equal("isbn", S(unk.To.Uri.Scheme));
        Assert.Equal("http", S(unk.From.Uri.Scheme));
        Assert.Equal("name", S(unk.Contact().Uri.Scheme));
        Assert.Equal("nobodyKnowsThisScheme", S(Parse("unkscm.dat").RequestUri.Scheme));
        var inv = Parse("inv2543.dat");
        Assert.Equal(-1, inv.MaxForwards);
        Assert.Equal(0, inv.Via().Branch.Length);
        Assert.Equal(0, inv.From.Tag.Length);
        Assert.True(inv.Body.Length > 100);
        Assert.Equal(2, Parse("multi01.dat").Count(SipHeaderId.CSeq));
        Assert.True(Parse("regaut01.dat").TryGet(SipHeaderId.Authorization, out var auth));
        Assert.StartsWith("NoOneKnowsThisScheme", S(auth));
    }
}
