using System.Net;
using PagingServer.Sip.Transport;
using Xunit.Abstractions;

namespace PagingServer.Sip.Tests.Agent;

/// <summary>The basic call over TCP and over IPv6, with sipp as the caller.</summary>
public sealed class TransportVariantTests(ITestOutputHelper output)
{
    [Fact]
    public void A_call_over_tcp_is_answered_and_ended()
    {
        using var h = new AgentHarness(new SipAgentOptions { Transport = SipTransportKind.Tcp }, call => call.Answer(40000));
        var run = Sipp.Run(Sipp.Scenario("basic_call.xml"), h.EndPoint, extra: ["-t", "t1"]);
        output.WriteLine(run.ToString());
        output.WriteLine(h.Log);
        Assert.True(run.ExitCode == 0, run.ToString() + h.Log);
        Assert.True(h.WaitFor("ended", TimeSpan.FromSeconds(5)));
        Assert.Equal(["offered PCMU", "ended RemoteHangup"], h.Events);
        Assert.Contains("Via: SIP/2.0/TCP", h.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_over_ipv6_loopback_is_answered_and_ended()
    {
        using var h = new AgentHarness(new SipAgentOptions { BindAddress = IPAddress.IPv6Loopback }, call => call.Answer(40000));
        var run = Sipp.Run(Sipp.Scenario("basic_call.xml"), h.EndPoint, localIp: "::1");
        output.WriteLine(run.ToString());
        output.WriteLine(h.Log);
        Assert.True(run.ExitCode == 0, run.ToString() + h.Log);
        Assert.True(h.WaitFor("ended", TimeSpan.FromSeconds(5)));
        Assert.Equal(["offered PCMU", "ended RemoteHangup"], h.Events);
        Assert.Contains("c=IN IP6 ::1", h.Log, StringComparison.Ordinal);
    }
}
