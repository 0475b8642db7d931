using System.Threading.Channels;
using PagingServer.Logging;

namespace PagingServer.Reporting;

/// <summary>
/// Sends error reports to Sentry from a background task of its own, so reporting never blocks
/// audio or SIP: <see cref="Capture"/> only queues. Every report is stored on disk first
/// (<see cref="ReportQueue"/>) and removed once sent; a network outage leaves them there and
/// they go out when it ends, oldest first, after a growing pause; a 429 is honoured.
/// </summary>
internal sealed partial class ErrorReporter : IAsyncDisposable
{
    private const int BreadcrumbCount = 30;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(5), LongestBackoff = TimeSpan.FromMinutes(5);

    private readonly SentryDsn dsn;
    private readonly ReportContext context;
    private readonly ReportQueue queue;
    private readonly SentryTransport transport;
    private readonly TimeProvider time;
    private readonly Log log;
    private readonly string[] secrets;
    private readonly Channel<SentryReport> incoming = Channel.CreateBounded<SentryReport>(
        new BoundedChannelOptions(32) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Queue<Breadcrumb> breadcrumbs = new();
    private readonly List<byte[]> unstored = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task worker;
    private DateTimeOffset nextAttempt;
    private TimeSpan backoff = FirstBackoff;

    public ErrorReporter(SentryDsn dsn, ReportContext context, ReportQueue queue, SentryTransport transport, TimeProvider time, Log log, IEnumerable<string> secrets)
    {
        this.dsn = dsn;
        this.context = context;
        this.queue = queue;
        this.transport = transport;
        this.time = time;
        this.log = log;
        this.secrets = [.. secrets.Where(s => s.Length >= 3), .. dsn.Secret is { Length: > 0 } secret ? new[] { secret } : []];
        nextAttempt = time.GetUtcNow();
        log.Written += OnLogLine;
        worker = Task.Run(RunAsync);
    }

    /// <summary>Envelopes uploaded so far (for tests and the status line).</summary>
    public int Sent { get; private set; }

    /// <summary>Queues a report; never blocks, drops the report if 32 are already waiting.</summary>
    public void Capture(string level, string message, Exception? exception = null)
    {
        Breadcrumb[] crumbs;
        lock (breadcrumbs)
            crumbs = [.. breadcrumbs];
        incoming.Writer.TryWrite(new SentryReport(Guid.NewGuid(), time.GetUtcNow(), level, message, exception, crumbs));
    }

    /// <summary>
    /// For a dying process: writes the report to the disk queue at once and tries to send what
    /// is queued for at most <paramref name="timeout"/>; the next start sends what is left.
    /// </summary>
    public void CaptureFatal(Exception exception, TimeSpan timeout)
    {
        Breadcrumb[] crumbs;
        lock (breadcrumbs)
            crumbs = [.. breadcrumbs];
        Store(new SentryReport(Guid.NewGuid(), time.GetUtcNow(), "fatal", $"unhandled {exception.GetType().Name}: {exception.Message}", exception, crumbs));
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            DrainAsync(deadline.Token).Wait(timeout);
        }
        catch (AggregateException)
        {
            // Out of time: the envelope stays on disk for the next start.
        }
    }

    private void OnLogLine(LogLevel level, string message)
    {
        lock (breadcrumbs)
        {
            breadcrumbs.Enqueue(new Breadcrumb(time.GetUtcNow(), LevelName(level), message));
            while (breadcrumbs.Count > BreadcrumbCount)
                breadcrumbs.Dequeue();
        }
        if (level == LogLevel.Error)
            Capture("error", message);
    }

    private string Scrub(string text)
    {
        foreach (string secret in secrets)
            text = text.Replace(secret, "********", StringComparison.Ordinal);
        return text;
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Error => "error",
        LogLevel.Warning => "warning",
        LogLevel.Debug => "debug",
        _ => "info",
    };

    public async ValueTask DisposeAsync()
    {
        log.Written -= OnLogLine;
        incoming.Writer.TryComplete();
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await worker.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: what was not sent stays queued on disk.
        }
        transport.Dispose();
        stop.Dispose();
    }
}
