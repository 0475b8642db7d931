using System.Diagnostics;
using System.Text;
using PagingServer.Reporting;

namespace PagingServer.Tests.Reporting;

/// <summary>
/// The published binary reporting to a local HTTP endpoint standing in for Sentry. The errors
/// are real ones: a klaxon file that cannot be decoded at start, a broken file on reload.
/// </summary>
public sealed class SentryOnBinaryTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly TempDirectory work = new();
    private readonly FakeSentryServer sentry = new();
    private readonly JackServer jack = new();
    private readonly int sipPort = FreePort.Udp();

    public void Dispose()
    {
        sentry.Dispose();
        jack.Dispose();
        work.Dispose();
    }

    private string Queue => Path.Combine(work.Path, "reports");

    private string Config(bool badKlaxon)
    {
        string klaxon = work.Write("klaxon.wav", "this is not audio");
        return $"""
            [sip]
            listen-address = 127.0.0.1
            port = {sipPort}
            [audio]
            jack-autostart = no
            jack-server-name = {jack.Name}
            jack-client-name = {JackServer.UniqueName("pg")}
            klaxon = {(badKlaxon ? klaxon : "")}
            klaxon-cache-dir = {work.Path}/cache
            [server]
            sentry-dsn = {sentry.Dsn}
            sentry-environment = e2e
            report-queue-dir = {Queue}
            """;
    }

    private RunningProcess StartPaging(string config)
    {
        string file = work.Write("paging.conf", config);
        var paging = new RunningProcess(RepoPaths.PublishedBinary, [file], jack.ClientEnv, work.Path);
        Assert.True(paging.WaitForOutput(" ready: ", Patience), paging.Output);
        return paging;
    }

    [Fact]
    public void An_error_goes_out_as_an_envelope_and_a_429_holds_the_next_one_back_for_its_retry_after()
    {
        sentry.Status = 429;
        sentry.ResponseHeaders["Retry-After"] = "3";
        sentry.Start();
        using var paging = StartPaging(Config(badKlaxon: true));
        Assert.True(sentry.WaitForRequests(1, Patience), "the klaxon error was not reported:\n" + paging.Output);
        var sinceRefused = Stopwatch.StartNew();
        sentry.Status = 200;

        // A second error while the wait runs: a configuration that does not load on reload.
        work.Write("paging.conf", "[audio]\nvolume-call = very loud\n");
        paging.Signal("HUP");
        Assert.True(paging.WaitForOutput("configuration not reloaded", Patience), paging.Output);
        Assert.True(sentry.WaitForRequests(3, Patience), $"after the wait both reports should go out; got {sentry.Count}:\n{paging.Output}");
        TimeSpan waited = sinceRefused.Elapsed;
        Assert.True(waited >= TimeSpan.FromSeconds(2.5), $"sent again {waited.TotalSeconds:0.0} s after a 429 asking for 3 s");
        Assert.Contains("Sentry asks to wait 3 s", paging.Output, StringComparison.Ordinal);

        var events = sentry.Requests.Select(r => (Text: Encoding.UTF8.GetString(r.Body), Event: SentryEnvelopeReader.Event(r.Body))).ToList();
        Assert.All(events, e => Assert.DoesNotContain("oldsecret", e.Text, StringComparison.Ordinal));
        var klaxon = events.First(e => e.Event.GetProperty("message").GetProperty("formatted").GetString()!.Contains("klaxon unavailable", StringComparison.Ordinal)).Event;
        Assert.Equal("error", klaxon.GetProperty("level").GetString());
        Assert.StartsWith("paging@", klaxon.GetProperty("release").GetString(), StringComparison.Ordinal);
        Assert.Equal("e2e", klaxon.GetProperty("environment").GetString());
        Assert.Equal(Environment.MachineName, klaxon.GetProperty("server_name").GetString());
        Assert.True(klaxon.GetProperty("breadcrumbs").GetProperty("values").GetArrayLength() > 0, "no breadcrumbs");
        Assert.Contains(events, e => e.Event.GetProperty("message").GetProperty("formatted").GetString()!.Contains("configuration not reloaded", StringComparison.Ordinal));
        paging.Signal("TERM");
        Assert.Equal(0, paging.WaitForExit(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void Reports_made_while_sentry_is_down_wait_on_disk_through_a_restart_and_go_out_when_it_is_back()
    {
        using (var offline = StartPaging(Config(badKlaxon: true)))
        {
            Assert.True(offline.WaitForOutput("cannot send error report to Sentry", Patience), offline.Output);
            Assert.NotEmpty(new ReportQueue(Queue).Pending());
            offline.Signal("TERM");
            Assert.Equal(0, offline.WaitForExit(TimeSpan.FromSeconds(3)));
        }

        sentry.Start();
        using var online = StartPaging(Config(badKlaxon: false));
        Assert.True(sentry.WaitForRequests(1, Patience), "the queued report did not go out:\n" + online.Output);
        var evt = SentryEnvelopeReader.Event(sentry.Requests[0].Body);
        Assert.Contains("klaxon unavailable", evt.GetProperty("message").GetProperty("formatted").GetString(), StringComparison.Ordinal);
        DateTime end = DateTime.UtcNow + Patience;
        while (new ReportQueue(Queue).Pending().Count > 0 && DateTime.UtcNow < end)
            Thread.Sleep(50);
        Assert.Empty(new ReportQueue(Queue).Pending());
        online.Signal("TERM");
        Assert.Equal(0, online.WaitForExit(TimeSpan.FromSeconds(3)));
    }
}
