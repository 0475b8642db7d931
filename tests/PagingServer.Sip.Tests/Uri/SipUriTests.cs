using System.Text;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Uri;

namespace PagingServer.Sip.Tests.Uri;

public sealed class SipUriTests
{
    private static string S(ReadOnlySpan<byte> s) => Encoding.ASCII.GetString(s);

    [Fact]
    public void A_full_sips_uri_splits_into_its_parts()
    {
        Assert.True(SipUri.TryParse("sips:alice:secret@[2001:db8::10]:5061;transport=tcp;lr?subject=project%20x&priority=urgent"u8, out var u));
        Assert.True(u.IsSip);
        Assert.True(u.IsSecure);
        Assert.Equal("alice", S(u.User));
        Assert.Equal("secret", S(u.Password));
        Assert.Equal("[2001:db8::10]", S(u.Host));
        Assert.Equal(5061, u.Port);
        Assert.True(u.TryGetParameter("TRANSPORT"u8, out var t));
        Assert.Equal("tcp", S(t));
        Assert.True(u.TryGetParameter("lr"u8, out var lr));
        Assert.Equal(0, lr.Length);
        Assert.Equal("subject=project%20x&priority=urgent", S(u.Headers));
    }

    [Fact]
    public void A_uri_without_user_has_no_user_and_no_port()
    {
        Assert.True(SipUri.TryParse("sip:192.0.2.4"u8, out var u));
        Assert.False(u.HasUser);
        Assert.Equal(-1, u.Port);
        Assert.Equal("192.0.2.4", S(u.Host));
    }

    [Theory]
    [InlineData("tel:+1-201-555-0123", "tel")]
    [InlineData("soap.beep://192.0.2.103:3002", "soap.beep")]
    [InlineData("urn:service:sos", "urn")]
    public void Other_schemes_are_kept_opaque(string text, string scheme)
    {
        Assert.True(SipUri.TryParse(Encoding.ASCII.GetBytes(text), out var u));
        Assert.False(u.IsSip);
        Assert.Equal(scheme, S(u.Scheme));
    }

    [Theory]
    [InlineData("sip:user@example.com; lr")]
    [InlineData("<sip:user@example.com>")]
    [InlineData("sip:@example.com")]
    [InlineData("sip:user@")]
    [InlineData("sip:user@host:99999")]
    [InlineData("sip:user@[2001:db8::1")]
    [InlineData("sip:us%zzer@example.com")]
    [InlineData("sip:user@example.com;=x")]
    [InlineData("1sip:user@example.com")]
    [InlineData("sip:")]
    public void Malformed_uris_are_refused(string text)
    {
        Assert.False(SipUri.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void Escaped_and_literal_forms_compare_equal_per_RFC_3261_19_1_4()
    {
        Assert.True(SipEscaping.EqualsUnescaped("%61lice"u8, "alice"u8, ignoreCase: false));
        Assert.False(SipEscaping.EqualsUnescaped("%41lice"u8, "alice"u8, ignoreCase: false));
        Assert.True(SipEscaping.EqualsUnescaped("%41lice"u8, "alice"u8, ignoreCase: true));
        Span<byte> small = stackalloc byte[2];
        Assert.Equal(-1, SipEscaping.Unescape("abc"u8, small));
    }

    [Fact]
    public void Header_params_allow_whitespace_and_quoted_values_but_not_empty_names()
    {
        var reader = new SipParameterReader(" ; tag = abc ;  q=0.5 ; x=\"a;b\" ; flag"u8);
        Assert.True(reader.MoveNext(out var n, out var v, out _));
        Assert.Equal("tag", S(n));
        Assert.Equal("abc", S(v));
        Assert.True(reader.MoveNext(out _, out v, out _));
        Assert.Equal("0.5", S(v));
        Assert.True(reader.MoveNext(out _, out v, out _));
        Assert.Equal("\"a;b\"", S(v));
        Assert.True(reader.MoveNext(out n, out _, out bool hasValue));
        Assert.Equal("flag", S(n));
        Assert.False(hasValue);
        Assert.False(reader.MoveNext(out _, out _, out _));
        Assert.False(reader.Failed);
        Assert.False(SipParameterReader.Validate(";;"u8));
        Assert.False(SipParameterReader.Validate(";a="u8));
        Assert.False(SipParameterReader.Validate(";a=\"open"u8));
    }

    [Theory]
    [InlineData("\"Alice\" <sip:alice@example.com>;tag=1", "\"Alice\"", true, "1")]
    [InlineData("Bob Smith<sip:bob@example.com>", "Bob Smith", true, "")]
    [InlineData("sip:carol@example.com;tag=9", "", false, "9")]
    [InlineData("<sip:dave@example.com;lr>", "", true, "")]
    public void Name_addr_and_addr_spec_forms_parse(string text, string display, bool bracketed, string tag)
    {
        Assert.True(NameAddress.TryParse(Encoding.ASCII.GetBytes(text), out var na));
        Assert.Equal(display, S(na.DisplayName));
        Assert.Equal(bracketed, na.Bracketed);
        Assert.Equal(tag, S(na.Tag));
        Assert.True(na.Uri.IsSip);
    }

    [Fact]
    public void Via_reads_ipv6_sent_by_and_params_with_whitespace()
    {
        Assert.True(ViaHeader.TryParse("SIP / 2.0 / TLS [2001:db8::9]:5061 ; branch=z9hG4bKx ; received=2001:db8::1 ; rport=5070 ; ttl=1"u8, out var v));
        Assert.Equal("TLS", S(v.Transport));
        Assert.Equal("[2001:db8::9]", S(v.Host));
        Assert.Equal(5061, v.Port);
        Assert.Equal("2001:db8::1", S(v.Received));
        Assert.Equal(5070, v.Rport);
        Assert.True(v.TryGetParameter("ttl"u8, out var ttl));
        Assert.Equal("1", S(ttl));
        Assert.False(ViaHeader.TryParse("SIP/2.0/UDP"u8, out _));
        Assert.False(ViaHeader.TryParse("SIP/2.0/UDP "u8, out _));
        Assert.False(ViaHeader.TryParse("SIP/2.0 host"u8, out _));
    }

    [Fact]
    public void CSeq_accepts_2_to_the_32_minus_1_and_refuses_more()
    {
        Assert.True(CSeqHeader.TryParse("4294967295 INVITE"u8, out var c));
        Assert.Equal(uint.MaxValue, c.Number);
        Assert.False(CSeqHeader.TryParse("4294967296 INVITE"u8, out _));
        Assert.False(CSeqHeader.TryParse("1INVITE"u8, out _));
    }
}
