using System.Text;
using System.Text.Json;
using PagingServer.Logging;
using PagingServer.Reporting;

namespace PagingServer.Tests.Reporting;

public sealed class ErrorReporterTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly FakeSentryServer sentry = new();
    private readonly TempDirectory queueFolder = new();
    private readonly ManualTimeProvider time = new();
    private readonly StringWriter logText = new();

    public void Dispose()
    {
        sentry.Dispose();
        queueFolder.Dispose();
    }

    private (ErrorReporter Reporter, Log Log) Start()
    {
        var log = new Log(logText, time, journald: true, debug: false);
        var dsn = SentryDsn.Parse(sentry.Dsn)!;
        var transport = new SentryTransport(dsn, new SocketsHttpHandler(), time);
        var reporter = new ErrorReporter(dsn, new ReportContext("1.2.3", "test", "pager-7"),
            new ReportQueue(queueFolder.Path), transport, time, log, ["hunter2"]);
        return (reporter, log);
    }

    [Fact]
    public void The_dsn_names_the_envelope_endpoint_and_keeps_its_secret_apart()
    {
        var dsn = SentryDsn.Parse("https://abc:def@o1.ingest.example.io/prefix/77")!;

        Assert.Equal("https://o1.ingest.example.io/prefix/api/77/envelope/", dsn.EnvelopeEndpoint.ToString());
        Assert.Equal("abc", dsn.PublicKey);
        Assert.Equal("def", dsn.Secret);
        Assert.DoesNotContain("def", dsn.Public);
        Assert.Null(SentryDsn.Parse("https://o1.example.io/77"));
    }

    [Fact]
    public async Task An_error_line_becomes_a_well_formed_envelope_with_breadcrumbs_and_no_secrets()
    {
        sentry.Start();
        var (reporter, log) = Start();
        await using (reporter)
        {
            log.Info("registering as 2400 with password hunter2");
            log.Error("REGISTER failed: 403 Forbidden");

            Assert.True(sentry.WaitForRequests(1, Patience), "no envelope arrived");
        }

        var (path, headers, body) = sentry.Requests[0];
        Assert.Equal("/sentry/api/42/envelope/", path);
        Assert.Contains("sentry_key=publickey", headers["X-Sentry-Auth"]);
        Assert.Equal("application/x-sentry-envelope", headers["Content-Type"]);
        string text = Encoding.UTF8.GetString(body);
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("oldsecret", text);

        var evt = SentryEnvelopeReader.Event(body);
        Assert.Equal("error", evt.GetProperty("level").GetString());
        Assert.Equal("paging@1.2.3", evt.GetProperty("release").GetString());
        Assert.Equal("test", evt.GetProperty("environment").GetString());
        Assert.Equal("pager-7", evt.GetProperty("server_name").GetString());
        Assert.Equal("REGISTER failed: 403 Forbidden", evt.GetProperty("message").GetProperty("formatted").GetString());
        var crumbs = evt.GetProperty("breadcrumbs").GetProperty("values");
        Assert.Contains(crumbs.EnumerateArray(), c => c.GetProperty("message").GetString() == "registering as 2400 with password ********");
    }

    [Fact]
    public async Task An_exception_carries_its_type_message_and_stack_frames()
    {
        sentry.Start();
        var (reporter, _) = Start();
        await using (reporter)
        {
            reporter.Capture("error", "SIP loop failed", Thrown());
            Assert.True(sentry.WaitForRequests(1, Patience), "no envelope arrived");
        }

        string text = Encoding.UTF8.GetString(sentry.Requests[0].Body);
        using var payload = JsonDocument.Parse(text.Split('\n')[2]);
        var exception = payload.RootElement.GetProperty("exception").GetProperty("values")[0];
        Assert.Equal("System.InvalidOperationException", exception.GetProperty("type").GetString());
        Assert.Equal("transaction table corrupt", exception.GetProperty("value").GetString());
        Assert.Contains(exception.GetProperty("stacktrace").GetProperty("frames").EnumerateArray(),
            f => f.GetProperty("function").GetString()!.Contains(nameof(Thrown), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_429_is_honoured_before_the_next_upload()
    {
        sentry.Status = 429;
        sentry.ResponseHeaders["Retry-After"] = "30";
        sentry.Start();
        var (reporter, _) = Start();
        await using (reporter)
        {
            reporter.Capture("error", "first");
            Assert.True(sentry.WaitForRequests(1, Patience));
            sentry.Status = 200;
            reporter.Capture("error", "second");
            Thread.Sleep(300);
            time.Advance(TimeSpan.FromSeconds(29));
            Thread.Sleep(300);
            Assert.Equal(1, sentry.Count);

            time.Advance(TimeSpan.FromSeconds(2));
            Assert.True(sentry.WaitForRequests(3, Patience), $"after the wait both reports should go out, got {sentry.Count} requests");
        }
        Assert.Empty(new ReportQueue(queueFolder.Path).Pending());
    }

    [Fact]
    public async Task Reports_made_while_sentry_is_down_wait_on_disk_and_go_out_when_it_is_back()
    {
        var (reporter, _) = Start();
        await using (reporter)
        {
            reporter.Capture("error", "while down 1");
            reporter.Capture("error", "while down 2");
            var queue = new ReportQueue(queueFolder.Path);
            DateTime end = DateTime.UtcNow + Patience;
            while (queue.Pending().Count < 2 && DateTime.UtcNow < end)
                Thread.Sleep(20);
            Assert.Equal(2, queue.Pending().Count);
            Thread.Sleep(300);

            sentry.Start();
            time.Advance(TimeSpan.FromSeconds(6));
            Assert.True(sentry.WaitForRequests(2, Patience), $"queued reports were not sent: {sentry.Count}");
            Assert.Empty(queue.Pending());
        }
        Assert.Contains("cannot send error report", logText.ToString());
    }

    [Fact]
    public void The_disk_queue_is_bounded_and_drops_the_oldest()
    {
        var queue = new ReportQueue(queueFolder.Path, capacity: 3);
        for (int i = 0; i < 5; i++)
            Assert.True(queue.TryAdd([(byte)i]));

        var pending = queue.Pending();
        Assert.Equal(3, pending.Count);
        Assert.Equal([2, 3, 4], pending.Select(p => (int)File.ReadAllBytes(p)[0]));
    }

    private static InvalidOperationException Thrown()
    {
        try
        {
            throw new InvalidOperationException("transaction table corrupt");
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }
}
