using Xunit.Abstractions;

namespace PagingServer.Sip.Tests.Agent;

/// <summary>sipp, a real independent SIP implementation, calls the agent over loopback UDP.</summary>
public sealed class SippAgentTests(ITestOutputHelper output)
{
    private const int RtpPort = 40000;

    private ProcessRun RunAndShow(AgentHarness h, string scenario, IEnumerable<string>? extra = null, string localIp = "127.0.0.1", int calls = 1)
    {
        var run = Sipp.Run(scenario, h.EndPoint, localIp, calls, extra);
        output.WriteLine(run.ToString());
        output.WriteLine(h.Log);
        return run;
    }

    [Fact]
    public void A_call_rings_is_answered_by_the_application_and_ends_with_the_callers_bye()
    {
        using var h = new AgentHarness(onOffered: call => call.Answer(RtpPort));
        var run = RunAndShow(h, Sipp.Scenario("basic_call.xml"));
        Assert.True(run.ExitCode == 0, run.ToString() + h.Log);
        Assert.True(h.WaitFor("ended", TimeSpan.FromSeconds(5)));
        Assert.Equal(["offered PCMU", "ended RemoteHangup"], h.Events);
        Assert.Contains("confirmed (ACK)", h.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_can_ring_until_the_application_answers()
    {
        SipCall? offered = null;
        using var h = new AgentHarness(onOffered: call => offered = call);
        var sipp = Task.Run(() => RunAndShow(h, Sipp.Scenario("basic_call.xml")));
        Assert.True(h.WaitFor("offered", TimeSpan.FromSeconds(10)), h.Log);
        Thread.Sleep(1500); // the klaxon plays; the caller keeps hearing ringing
        Assert.Equal(SipCallState.Ringing, offered!.State);
        offered.Answer(RtpPort);
        var run = await sipp;
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(RtpPort, offered.LocalRtpPort);
    }

    [Fact]
    public void Cancel_during_ringing_gets_200_and_487_and_the_application_hears_cancelled()
    {
        using var h = new AgentHarness();
        var run = RunAndShow(h, Sipp.Scenario("cancel_ringing.xml"));
        Assert.True(run.ExitCode == 0, run.ToString() + h.Log);
        Assert.True(h.WaitFor("ended", TimeSpan.FromSeconds(5)));
        Assert.Equal(["offered PCMA", "ended Cancelled"], h.Events);
    }

    [Fact]
    public void The_application_hangs_up_and_the_agent_sends_bye()
    {
        using var h = new AgentHarness(onOffered: call =>
        {
            call.Answer(RtpPort);
            _ = Task.Delay(800).ContinueWith(_ => call.Hangup(), TaskScheduler.Default);
        });
        var run = RunAndShow(h, Sipp.Scenario("hangup_by_us.xml"));
        Assert.True(run.ExitCode == 0, run.ToString() + h.Log);
        Assert.Equal(["offered PCMU", "ended LocalHangup"], h.Events);
        // sipp exits as it sends the 200; the agent logs it when the SIP thread gets to it.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!h.Log.Contains("BYE answered 200", StringComparison.Ordinal) && DateTime.UtcNow < until)
            Thread.Sleep(20);
        Assert.Contains("BYE answered 200", h.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void A_re_invite_to_sendonly_is_reported_as_hold_and_back_to_sendrecv_as_resume()
    {
        using var h = new AgentHarness(onOffered: call => call.Answer(RtpPort));
        var run = RunAndShow(h, Sipp.Scenario("hold_resume.xml"));
        Assert.True(run.ExitCode == 0, run.ToString() + h.Log);
        Assert.True(h.WaitFor("ended", TimeSpan.FromSeconds(5)));
        Assert.Equal(["offered PCMU", "hold", "resume", "ended RemoteHangup"], h.Events);
    }

    [Fact]
    public void A_re_invite_moving_the_media_is_reported_with_its_new_description_and_a_same_version_refresh_is_not()
    {
        var changes = new List<SipSessionChange>();
        using var h = new AgentHarness(onOffered: call => call.Answer(RtpPort));
        h.Agent.CallSessionChanged += (_, change) => { lock (changes) { changes.Add(change); } };
        var run = RunAndShow(h, Sipp.Scenario("move_media.xml"));
        Assert.True(run.ExitCode == 0, run.ToString() + h.Log);
        Assert.True(h.WaitFor("ended", TimeSpan.FromSeconds(5)));
        Assert.Equal(["offered PCMU", "moved 127.0.0.1:45678", "ended RemoteHangup"], h.Events);
        lock (changes)
        {
            Assert.Equal([new SipSessionChange(HoldChanged: false, MediaMoved: true, NewDescription: true)], changes);
        }
    }

    [Fact]
    public void Calls_complete_over_a_link_losing_ten_percent_of_messages()
    {
        using var h = new AgentHarness(options: new SipAgentOptions { MaxCalls = 5 }, onOffered: call => call.Answer(RtpPort));
        var run = RunAndShow(h, Sipp.Scenario("lossy_call.xml"), ["-lost", "10", "-r", "1"], calls: 5);
        Assert.True(run.ExitCode == 0, run.ToString() + h.Log);
        Assert.True(h.WaitFor("ended", TimeSpan.FromSeconds(5)));
        Assert.Equal(5, h.Events.Count(e => e.StartsWith("offered", StringComparison.Ordinal)));
    }

    [Fact]
    public void Options_gets_200_with_allow_and_accept_an_unknown_method_501_and_register_405()
    {
        using var h = new AgentHarness();
        var run = RunAndShow(h, Sipp.Scenario("options_and_others.xml"));
        Assert.True(run.ExitCode == 0, run.ToString() + h.Log);
        Assert.Empty(h.Events);
    }

    [Fact]
    public void An_offer_without_any_of_our_codecs_gets_488_and_never_reaches_the_application()
    {
        using var h = new AgentHarness();
        using var dir = new TempDirectory();
        string scenario = Sipp.Variant("rejected_call.xml", dir.Path, ("EXPECTED_CODE", "488"), ("PAYLOAD_TYPES", "18"));
        var run = RunAndShow(h, scenario);
        Assert.True(run.ExitCode == 0, run.ToString() + h.Log);
        Assert.Empty(h.Events);
    }

    [Fact]
    public async Task A_caller_beyond_max_calls_gets_486_busy_here()
    {
        using var h = new AgentHarness(options: new SipAgentOptions { MaxCalls = 1 });
        using var dir = new TempDirectory();
        string busy = Sipp.Variant("rejected_call.xml", dir.Path, ("EXPECTED_CODE", "486"), ("PAYLOAD_TYPES", "0"));
        // The first call keeps ringing (the application does not answer); the second is refused.
        var first = Task.Run(() => Sipp.Run(Sipp.Scenario("cancel_ringing.xml"), h.EndPoint));
        Assert.True(h.WaitFor("offered", TimeSpan.FromSeconds(10)), h.Log);
        var run = RunAndShow(h, busy);
        Assert.True(run.ExitCode == 0, run.ToString() + h.Log);
        Assert.Equal(0, (await first).ExitCode);
        Assert.Equal(["offered PCMA", "ended Cancelled"], h.Events);
    }

    [Fact]
    public void An_invite_from_a_source_not_allowed_gets_403_and_the_application_is_never_told()
    {
        using var h = new AgentHarness(options: new SipAgentOptions { AllowFrom = ["127.0.0.1"] });
        using var dir = new TempDirectory();
        string scenario = Sipp.Variant("rejected_call.xml", dir.Path, ("EXPECTED_CODE", "403"), ("PAYLOAD_TYPES", "0"));
        var run = RunAndShow(h, scenario, localIp: "127.0.0.2", calls: 3, extra: ["-r", "10"]);
        Assert.True(run.ExitCode == 0, run.ToString() + h.Log);
        Assert.Empty(h.Events);
        // Rate-limited: three refusals from one source, one log line.
        Assert.Equal(1, h.Log.Split('\n').Count(l => l.Contains("refused (403)", StringComparison.Ordinal)));
        // The allowed address still gets through.
        var allowed = Sipp.Run(Sipp.Scenario("cancel_ringing.xml"), h.EndPoint);
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
    }
}
