using System.Runtime.InteropServices;
using PagingServer.Cli;
using PagingServer.Configuration;
using PagingServer.Interop;
using PagingServer.Logging;
using PagingServer.Reporting;
using PagingServer.Systemd;

namespace PagingServer;

/// <summary>
/// The running server. Owns the process-wide pieces (signals, systemd notify and watchdog, error
/// reporting) and the lifetime of the engine components; waits on the main thread for SIGTERM
/// or SIGINT (stop) and SIGHUP (reload).
/// </summary>
internal sealed partial class PagingHost : IAsyncDisposable
{
    private readonly Func<ResolvedConfig> reload;
    private readonly Log log;
    private readonly ServiceNotifier notifier = ServiceNotifier.FromEnvironment();
    private readonly List<IHealthProbe> probes = [];
    private readonly AutoResetEvent wake = new(false);
    private volatile bool stopRequested;
    private volatile bool reloadRequested;
    private ResolvedConfig config;
    private PagingOptions options;
    private ErrorReporter? reporter;
    private WatchdogPinger? watchdog;

    private PagingHost(ResolvedConfig config, Func<ResolvedConfig> reload, Log log)
    {
        this.config = config;
        options = PagingOptions.From(config);
        this.reload = reload;
        this.log = log;
    }

    public static int Run(ResolvedConfig config, Func<ResolvedConfig> reload, Log log)
    {
        var host = new PagingHost(config, reload, log);
        try
        {
            return host.RunUntilStopped();
        }
        finally
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private int RunUntilStopped()
    {
        // `nohup paging` starts it with SIGHUP ignored, a script's background job with SIGINT
        // ignored, and .NET leaves an ignored signal ignored: reload or stop would silently do
        // nothing. Here they are the service's controls, whoever started it.
        LibC.signal(LibC.SIGHUP, LibC.SIG_DFL);
        LibC.signal(LibC.SIGINT, LibC.SIG_DFL);
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using PosixSignalRegistration hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);
        StartReporting();

        int outcome = StartComponents();
        if (outcome != ExitCodes.Ok)
            return outcome;
        jackReported = jack?.IsConnected ?? false;
        string status = Status();
        notifier.Ready(status);
        ready = true;
        log.Notice($"paging {BuildInfo.Version} ready: {status}");
        if (WatchdogSettings.FromEnvironment() is { } interval)
            watchdog = new WatchdogPinger(notifier, probes, interval, TimeProvider.System, stall => log.Error($"watchdog: {stall}; no longer pinging systemd"));

        while (!stopRequested)
        {
            wake.WaitOne();
            if (reloadRequested && !stopRequested)
            {
                reloadRequested = false;
                Reload();
            }
        }
        notifier.Stopping("stopping");
        log.Notice("stopping");
        StopComponents();
        return ExitCodes.Ok;
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (context.Signal == PosixSignal.SIGHUP)
            reloadRequested = true;
        else
            stopRequested = true;
        wake.Set();
    }

    private void Reload()
    {
        notifier.Reloading();
        try
        {
            ResolvedConfig nextConfig = reload();
            PagingOptions next = PagingOptions.From(nextConfig);
            ApplyReload(config, nextConfig, options, next);
            config = nextConfig;
            options = next;
            log.Notice("configuration reloaded");
        }
        catch (ConfigException e)
        {
            log.Error($"configuration not reloaded, the running one stays: {e.Message}");
        }
        notifier.Ready(Status());
    }

    private void StartReporting()
    {
        if (options.Server.SentryDsn.Length == 0 || SentryDsn.Parse(options.Server.SentryDsn) is not { } dsn)
            return;
        var context = new ReportContext(BuildInfo.Version, options.Server.SentryEnvironment, Environment.MachineName);
        reporter = new ErrorReporter(dsn, context, new ReportQueue(options.Server.ReportQueueDir),
            new SentryTransport(dsn, new SocketsHttpHandler(), TimeProvider.System), TimeProvider.System, log, [options.Sip.Password]);
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is Exception exception)
                reporter.CaptureFatal(exception, TimeSpan.FromSeconds(2));
        };
        log.Info($"error reports go to {dsn.Public}");
    }

    public async ValueTask DisposeAsync()
    {
        watchdog?.Dispose();
        if (reporter is not null)
            await reporter.DisposeAsync().ConfigureAwait(false);
        notifier.Dispose();
        wake.Dispose();
    }
}
