using Xunit.Abstractions;

namespace PagingServer.Sip.Tests.Agent;

/// <summary>invite-auth: a caller outside allow-from is digest-challenged instead of refused.</summary>
public sealed class InviteAuthTests(ITestOutputHelper output)
{
    private const string Password = "desk-phone-pw";

    private static SipAgentOptions Options => new() { AllowFrom = ["127.0.0.1"], InviteAuth = true, User = "pager", Password = Password };

    [Fact]
    public void A_caller_outside_allow_from_with_the_right_password_is_challenged_then_answered()
    {
        using var h = new AgentHarness(Options, call => call.Answer(40000));
        using var dir = new TempDirectory();
        string scenario = Sipp.Variant("invite_auth.xml", dir.Path, ("AUTH_USER", "pager"), ("AUTH_PASSWORD", Password));
        var run = Sipp.Run(scenario, h.EndPoint, localIp: "127.0.0.2");
        output.WriteLine(run.ToString());
        output.WriteLine(h.Log);
        Assert.True(run.ExitCode == 0, run.ToString() + h.Log);
        Assert.True(h.WaitFor("ended", TimeSpan.FromSeconds(5)));
        Assert.Equal(["offered PCMU", "ended RemoteHangup"], h.Events);
        Assert.DoesNotContain(Password, h.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_password_is_challenged_again_and_never_reaches_the_application()
    {
        using var h = new AgentHarness(Options, call => call.Answer(40000));
        using var dir = new TempDirectory();
        string scenario = Sipp.Variant("invite_auth.xml", dir.Path, ("AUTH_USER", "pager"), ("AUTH_PASSWORD", "guessed"));
        var run = Sipp.Run(scenario, h.EndPoint, localIp: "127.0.0.2", extra: ["-timeout", "5s"]);
        output.WriteLine(run.ToString());
        Assert.NotEqual(0, run.ExitCode); // sipp expected 180 and got a second 401
        Assert.Contains("401", run.ToString(), StringComparison.Ordinal);
        Assert.Empty(h.Events);
    }
}
