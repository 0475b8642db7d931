using System.Text.Json;

namespace PagingServer.Tests.EndToEnd;

/// <summary>scripts/callgen, the installers' call generator, against the published binary.</summary>
[Collection(SerialAudio.Name)]
public sealed class CallgenTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    private static JsonElement Callgen(Pager pager, params string[] args) => CallgenTo(pager, $"127.0.0.1:{pager.SipPort}", args);

    private static JsonElement CallgenTo(Pager pager, string target, params string[] args)
    {
        Tool.Require("sipp", "sip-tester");
        Tool.Require("python3", "python3");
        var run = ProcessRun.Start(RepoPaths.File("scripts/callgen"), [.. args, "--json", target], timeout: TimeSpan.FromSeconds(60));
        Assert.True(run.ExitCode is 0 or 1, $"callgen: {run}\npaging:\n{pager.Process.Output}");
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }

    [Fact]
    public void Callgen_answers_a_pbx_that_challenges_its_invites_and_reports_407_without_a_password()
    {
        const string Password = "callgen-secret";
        using var kamailio = KamailioRegistrar.Start(Password, challengeInvites: true);
        using var pager = new Pager(work, $"[sip]\ndomain = {kamailio.Domain}\nuser = pager\npass = {Password}\n", klaxonSeconds: 0.2);
        Assert.True(pager.Process.WaitForOutput("SIP: registered", TimeSpan.FromSeconds(15)), $"{pager.Process.Output}\nkamailio:\n{kamailio.Log}");
        string aor = $"pager@{kamailio.Domain}";

        JsonElement refused = CallgenTo(pager, aor, "-n", "2", "-r", "5", "--proxy", kamailio.Domain, "--user", "201");
        Assert.True(refused.GetProperty("failed").GetInt32() == 2, $"{refused}\nkamailio:\n{kamailio.Log}");
        Assert.Equal(2, refused.GetProperty("failed_by_response").GetProperty("407").GetInt32());

        JsonElement summary = CallgenTo(pager, aor, "-n", "3", "-r", "5", "--proxy", kamailio.Domain, "--user", "201", "--password", Password);
        Assert.True(summary.GetProperty("answered").GetInt32() == 3, $"{summary}\npaging:\n{pager.Process.Output}\nkamailio:\n{kamailio.Log}");
        Assert.Equal(0, summary.GetProperty("failed").GetInt32());
        Assert.True(pager.Process.WaitForOutput("page ended", TimeSpan.FromSeconds(5)), pager.Process.Output);
        Assert.Equal(3, pager.Process.Output.Split('\n').Count(l => l.Contains("page starts", StringComparison.Ordinal)));
    }

    [Fact]
    public void Callgen_places_its_calls_one_after_the_other_and_counts_each_answered_after_the_klaxon()
    {
        using var pager = new Pager(work, klaxonSeconds: 0.2);
        JsonElement summary = Callgen(pager, "-n", "5", "-r", "5");

        Assert.True(summary.GetProperty("answered").GetInt32() == 5, $"{summary}\n{pager.Process.Output}");
        Assert.Equal(0, summary.GetProperty("failed").GetInt32());
        Assert.Equal(5, summary.GetProperty("setup_ms").GetProperty("samples").GetInt32());
        // Set-up runs to the 200 OK, which comes after the fade and the klaxon, not to the 100 or 180.
        Assert.True(summary.GetProperty("setup_ms").GetProperty("median").GetDouble() >= 200, summary.ToString());
        Assert.True(pager.Process.WaitForOutput("page ended", TimeSpan.FromSeconds(5)), pager.Process.Output);
        Assert.Equal(5, pager.Process.Output.Split('\n').Count(l => l.Contains("page starts", StringComparison.Ordinal)));
    }

    [Fact]
    public void Callgen_lists_the_callers_the_pager_refuses_beyond_max_calls()
    {
        using var pager = new Pager(work, "[calls]\nmax-calls = 1\n");
        JsonElement summary = Callgen(pager, "-n", "3", "-c", "3", "-r", "50", "--hold", "1.5");

        Assert.True(summary.GetProperty("answered").GetInt32() == 1, $"{summary}\n{pager.Process.Output}");
        Assert.Equal(2, summary.GetProperty("failed").GetInt32());
        Assert.Equal(2, summary.GetProperty("failed_by_response").GetProperty("486").GetInt32());
        Assert.Equal(1, summary.GetProperty("sipp_exit").GetInt32());
    }
}
