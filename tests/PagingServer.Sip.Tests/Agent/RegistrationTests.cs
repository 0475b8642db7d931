using Xunit.Abstractions;

namespace PagingServer.Sip.Tests.Agent;

/// <summary>The agent registers at a real registrar (kamailio) with digest authentication and takes calls through it.</summary>
public sealed class RegistrationTests(ITestOutputHelper output)
{
    private const string Password = "pager-s3cret";

    private static SipAgentOptions Options(KamailioRegistrar k, string password) => new()
    {
        Domain = k.Domain,
        User = "pager",
        Password = password,
        RegisterExpiresSeconds = 120,
        RegisterRetryBaseSeconds = 1,
    };

    [Theory]
    [InlineData("MD5")]
    [InlineData("SHA-256")]
    public async Task The_agent_registers_with_digest_and_unregisters_on_stop(string algorithm)
    {
        using var k = KamailioRegistrar.Start(Password, algorithm);
        var h = new AgentHarness(Options(k, Password));
        bool registered = h.WaitFor("registration Registered", TimeSpan.FromSeconds(10));
        output.WriteLine(h.Log);
        Assert.True(registered, h.Log + k.Log);
        Assert.Equal(SipRegistrationState.Registered, h.Agent.Registration.State);
        Assert.Equal(120, h.Agent.Registration.ExpiresSeconds);
        Assert.DoesNotContain(Password, h.Log, StringComparison.Ordinal); // never logged, even when tracing

        await h.Agent.StopAsync(TimeSpan.FromSeconds(5));
        Assert.Contains("unregistered sip:pager@", h.Log, StringComparison.Ordinal);
        // kamailio's log reaches us through a pipe, a moment after it answered.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!k.Log.Contains("expires 0", StringComparison.Ordinal) && DateTime.UtcNow < until)
            Thread.Sleep(20);
        Assert.Contains("expires 0", k.Log, StringComparison.Ordinal);
        // The binding is gone: a call for pager now gets 404 from kamailio.
        using var dir = new TempDirectory();
        string scenario = Sipp.Variant("rejected_call.xml", dir.Path, ("EXPECTED_CODE", "404"), ("PAYLOAD_TYPES", "0"));
        var run = Sipp.Run(scenario, k.EndPoint);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task A_reload_with_a_new_account_removes_the_old_binding_and_registers_the_new_one()
    {
        using var k = KamailioRegistrar.Start(Password);
        using var h = new AgentHarness(Options(k, Password), onOffered: call => call.Reject(486));
        Assert.True(h.WaitFor("registration Registered", TimeSpan.FromSeconds(10)), h.Log + k.Log);

        // Only who may call changes: the registration stays as it is.
        bool again = await h.Agent.ReconfigureAsync(h.Options with { AllowFrom = ["10.0.0.0/8"] }, TimeSpan.FromSeconds(2));
        Assert.False(again, h.Log);

        bool reregistered = await h.Agent.ReconfigureAsync(h.Options with { User = "lobby" }, TimeSpan.FromSeconds(2));
        Assert.True(reregistered, h.Log);
        Assert.True(h.WaitFor("registration Registered", TimeSpan.FromSeconds(10), occurrence: 2), string.Join('\n', h.Events) + h.Log + k.Log);
        Assert.Contains("unregistered sip:pager@", h.Log, StringComparison.Ordinal);
        Assert.Contains("registered as sip:lobby@", h.Log, StringComparison.Ordinal);
        Assert.Equal(SipRegistrationState.Registered, h.Agent.Registration.State);

        // At the registrar: the old address of record has no binding left (404), the new one has.
        using var dir = new TempDirectory();
        var old = Sipp.Run(Sipp.Variant("rejected_call.xml", dir.Path, ("EXPECTED_CODE", "404"), ("PAYLOAD_TYPES", "0")), k.EndPoint);
        Assert.True(old.ExitCode == 0, old.ToString() + k.Log);
        var lobby = Sipp.Run(Sipp.Variant("rejected_call.xml", dir.Path, ("EXPECTED_CODE", "486"), ("PAYLOAD_TYPES", "0"), ("sip:pager@", "sip:lobby@"),
            ("<recv response=\"486\"/>", "<recv response=\"180\" optional=\"true\"/>\n  <recv response=\"486\"/>")), k.EndPoint);
        Assert.True(lobby.ExitCode == 0, "a call for the new account did not reach the agent:\n" + lobby + k.Log + h.Log);
    }

    [Fact]
    public void A_wrong_password_is_reported_clearly_and_retried_with_a_growing_backoff()
    {
        using var k = KamailioRegistrar.Start(Password);
        using var h = new AgentHarness(Options(k, "not-the-password"));
        bool second = h.WaitFor("registration Failed: 401 after credentials: wrong user or password (retry 2 s)", TimeSpan.FromSeconds(15));
        output.WriteLine(string.Join('\n', h.Events));
        Assert.True(second, string.Join('\n', h.Events) + h.Log);
        var failures = h.Events.Where(e => e.StartsWith("registration Failed", StringComparison.Ordinal)).ToList();
        Assert.Equal("registration Failed: 401 after credentials: wrong user or password (retry 1 s)", failures[0]);
        Assert.Equal(SipRegistrationState.Failed, h.Agent.Registration.State);
    }

    [Fact]
    public void A_call_relayed_by_the_registrar_reaches_the_registered_agent_and_is_answered()
    {
        using var k = KamailioRegistrar.Start(Password);
        using var h = new AgentHarness(Options(k, Password), call => call.Answer(40000));
        Assert.True(h.WaitFor("registration Registered", TimeSpan.FromSeconds(10)), h.Log + k.Log);
        var run = Sipp.Run(Sipp.Scenario("call_via_proxy.xml"), k.EndPoint);
        output.WriteLine(run.ToString());
        output.WriteLine(h.Log);
        Assert.True(run.ExitCode == 0, run.ToString() + h.Log);
        Assert.True(h.WaitFor("ended", TimeSpan.FromSeconds(5)));
        Assert.Contains("ended RemoteHangup", h.Events);
    }

    [Fact]
    public void The_agents_bye_follows_the_record_route_through_the_registrar()
    {
        using var k = KamailioRegistrar.Start(Password);
        using var h = new AgentHarness(Options(k, Password), call =>
        {
            call.Answer(40000);
            _ = Task.Delay(500).ContinueWith(_ => call.Hangup(), TaskScheduler.Default);
        });
        Assert.True(h.WaitFor("registration Registered", TimeSpan.FromSeconds(10)), h.Log + k.Log);
        var run = Sipp.Run(Sipp.Scenario("hangup_via_proxy.xml"), k.EndPoint);
        output.WriteLine(run.ToString());
        output.WriteLine(h.Log);
        Assert.True(run.ExitCode == 0, run.ToString() + h.Log);
        Assert.Contains("ended LocalHangup", h.Events);
        Assert.Contains($"\nRoute: <sip:127.0.0.1:{k.EndPoint.Port};lr", h.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void With_an_outbound_proxy_the_register_for_a_foreign_domain_goes_there_and_calls_come_back_through_it()
    {
        using var k = KamailioRegistrar.Start(Password);
        var options = Options(k, Password) with { Domain = "paging.invalid", Proxy = k.Domain };
        using var h = new AgentHarness(options, call => call.Answer(40000));
        Assert.True(h.WaitFor("registration Registered", TimeSpan.FromSeconds(10)), h.Log + k.Log);
        Assert.Contains("REGISTER sip:paging.invalid SIP/2.0", h.Log, StringComparison.Ordinal);
        Assert.Contains($"\nRoute: <sip:127.0.0.1:{k.EndPoint.Port};lr>", h.Log, StringComparison.Ordinal);
        var run = Sipp.Run(Sipp.Scenario("call_via_proxy.xml"), k.EndPoint);
        output.WriteLine(run.ToString());
        Assert.True(run.ExitCode == 0, run.ToString() + h.Log);
        Assert.True(h.WaitFor("ended", TimeSpan.FromSeconds(5)));
        Assert.Contains("ended RemoteHangup", h.Events);
    }
}
