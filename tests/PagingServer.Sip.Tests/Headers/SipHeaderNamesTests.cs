using System.Text;
using PagingServer.Sip.Headers;

namespace PagingServer.Sip.Tests.Headers;

public sealed class SipHeaderNamesTests
{
    [Theory]
    [InlineData("i", SipHeaderId.CallId)]
    [InlineData("M", SipHeaderId.Contact)]
    [InlineData("e", SipHeaderId.ContentEncoding)]
    [InlineData("l", SipHeaderId.ContentLength)]
    [InlineData("f", SipHeaderId.From)]
    [InlineData("t", SipHeaderId.To)]
    [InlineData("v", SipHeaderId.Via)]
    [InlineData("k", SipHeaderId.Supported)]
    [InlineData("c", SipHeaderId.ContentType)]
    [InlineData("s", SipHeaderId.Subject)]
    [InlineData("o", SipHeaderId.Event)]
    [InlineData("r", SipHeaderId.ReferTo)]
    [InlineData("b", SipHeaderId.ReferredBy)]
    [InlineData("y", SipHeaderId.Identity)]
    [InlineData("q", SipHeaderId.Unknown)]
    [InlineData("cAlL-iD", SipHeaderId.CallId)]
    [InlineData("www-authenticate", SipHeaderId.WwwAuthenticate)]
    [InlineData("C%6Fntact", SipHeaderId.Unknown)]
    public void Names_and_compact_forms_are_identified_case_insensitively(string name, SipHeaderId id)
    {
        Assert.Equal(id, SipHeaderNames.Identify(Encoding.ASCII.GetBytes(name)));
    }

    [Fact]
    public void Every_known_id_round_trips_through_its_canonical_name()
    {
        foreach (var id in Enum.GetValues<SipHeaderId>().Where(i => i != SipHeaderId.Unknown))
        {
            Assert.Equal(id, SipHeaderNames.Identify(SipHeaderNames.Canonical(id)));
        }
    }
}
