using System.Globalization;

namespace PagingServer.Logging;

/// <summary>Severities, numbered as syslog priorities so journald can filter them (`journalctl -p`).</summary>
internal enum LogLevel
{
    Error = 3,
    Warning = 4,
    Notice = 5,
    Info = 6,
    Debug = 7,
}

/// <summary>
/// paging's one log, passed to whoever needs it (no static logger). Lines go to stderr: under
/// journald (`JOURNAL_STREAM` set) each carries its `&lt;N&gt;` priority prefix and no timestamp,
/// journald adds one; otherwise a readable timestamped line. Known secrets are masked in every
/// line. Never called from the JACK process callback.
/// </summary>
internal sealed class Log(TextWriter sink, TimeProvider time, bool journald, bool debug)
{
    private readonly Lock gate = new();
    private string[] secrets = [];

    public bool DebugEnabled { get; } = debug;

    /// <summary>Called for every line written, e.g. to keep breadcrumbs for error reports.</summary>
    public event Action<LogLevel, string>? Written;

    public static Log ForStderr(bool debug) =>
        new(Console.Error, TimeProvider.System, Environment.GetEnvironmentVariable("JOURNAL_STREAM") is { Length: > 0 }, debug);

    /// <summary>Values that must never reach a log line, such as the SIP password.</summary>
    public void AddSecret(string secret)
    {
        if (secret.Length < 3)
            return;
        lock (gate)
            secrets = [.. secrets, secret];
    }

    public void Error(string message) => Write(LogLevel.Error, message);

    public void Warning(string message) => Write(LogLevel.Warning, message);

    public void Notice(string message) => Write(LogLevel.Notice, message);

    public void Info(string message) => Write(LogLevel.Info, message);

    public void Debug(string message)
    {
        if (DebugEnabled)
            Write(LogLevel.Debug, message);
    }

    public void Write(LogLevel level, string message)
    {
        if (level == LogLevel.Debug && !DebugEnabled)
            return;
        string text = Scrub(message);
        lock (gate)
        {
            foreach (string line in text.Split('\n'))
            {
                if (journald)
                    sink.WriteLine($"<{(int)level}>{line}");
                else
                    sink.WriteLine($"{time.GetLocalNow().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)} {Label(level)} {line}");
            }
            sink.Flush();
        }
        Written?.Invoke(level, text);
    }

    private string Scrub(string message)
    {
        foreach (string secret in secrets)
            message = message.Replace(secret, "********", StringComparison.Ordinal);
        return message;
    }

    private static string Label(LogLevel level) => level switch
    {
        LogLevel.Error => "error:",
        LogLevel.Warning => "warning:",
        LogLevel.Notice => "notice:",
        LogLevel.Debug => "debug:",
        _ => "info:",
    };
}
