using System.Net;
using System.Net.Sockets;

namespace PagingServer.Sip.Tests.Agent;

public sealed class SipAccessListTests
{
    [Fact]
    public void Addresses_networks_of_both_families_and_host_names_are_allowed_and_nothing_else()
    {
        var list = SipAccessList.Build(["192.0.2.7", "10.1.0.0/16", "2001:db8::/32", "pbx.test", "nonsense!"],
            name => name == "pbx.test" ? [IPAddress.Parse("198.51.100.9")] : throw new SocketException((int)SocketError.HostNotFound));
        Assert.True(list.Allows(IPAddress.Parse("192.0.2.7")));
        Assert.True(list.Allows(IPAddress.Parse("::ffff:192.0.2.7"))); // dual-stack sockets map IPv4
        Assert.False(list.Allows(IPAddress.Parse("192.0.2.8")));
        Assert.True(list.Allows(IPAddress.Parse("10.1.255.3")));
        Assert.False(list.Allows(IPAddress.Parse("10.2.0.1")));
        Assert.True(list.Allows(IPAddress.Parse("2001:db8:1::5")));
        Assert.False(list.Allows(IPAddress.Parse("2001:db9::5")));
        Assert.True(list.Allows(IPAddress.Parse("198.51.100.9")));
        Assert.False(list.Allows(IPAddress.Loopback)); // a list was given: no implicit loopback
        Assert.Equal(["nonsense!"], list.Unresolved);
    }

    [Fact]
    public void Without_entries_only_loopback_may_call()
    {
        var list = SipAccessList.Build([]);
        Assert.True(list.Allows(IPAddress.Parse("127.0.0.2")));
        Assert.True(list.Allows(IPAddress.IPv6Loopback));
        Assert.False(list.Allows(IPAddress.Parse("192.168.1.10")));
    }
}
