using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PagingServer.Reporting;

/// <summary>
/// Writes a report as a Sentry envelope: a JSON header line, an item header line, and the event
/// payload (develop.sentry.dev, "Envelopes"). Written with Utf8JsonWriter: no reflection, so it
/// works trimmed and AOT. Secrets are scrubbed from every string that leaves.
/// </summary>
internal static class SentryEnvelope
{
    public static byte[] Write(SentryReport report, ReportContext context, SentryDsn dsn, Func<string, string> scrub)
    {
        byte[] payload = EventPayload(report, context, scrub);
        var output = new MemoryStream();
        using (var header = new Utf8JsonWriter(output))
        {
            header.WriteStartObject();
            header.WriteString("event_id", report.EventId.ToString("N"));
            header.WriteString("sent_at", Timestamp(report.Time));
            header.WriteString("dsn", dsn.Public);
            header.WriteEndObject();
        }
        output.WriteByte((byte)'\n');
        output.Write(Encoding.UTF8.GetBytes($"{{\"type\":\"event\",\"length\":{payload.Length.ToString(CultureInfo.InvariantCulture)}}}\n"));
        output.Write(payload);
        output.WriteByte((byte)'\n');
        return output.ToArray();
    }

    private static byte[] EventPayload(SentryReport report, ReportContext context, Func<string, string> scrub)
    {
        var output = new MemoryStream();
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("event_id", report.EventId.ToString("N"));
        json.WriteString("timestamp", Timestamp(report.Time));
        json.WriteString("level", report.Level);
        json.WriteString("platform", "csharp");
        json.WriteString("logger", "paging");
        json.WriteString("release", $"paging@{context.Release}");
        json.WriteString("environment", context.Environment);
        json.WriteString("server_name", context.HostName);
        json.WriteStartObject("message");
        json.WriteString("formatted", scrub(report.Message));
        json.WriteEndObject();
        if (report.Exception is { } exception)
            WriteException(json, exception, scrub);
        json.WriteStartObject("breadcrumbs");
        json.WriteStartArray("values");
        foreach (Breadcrumb crumb in report.Breadcrumbs)
        {
            json.WriteStartObject();
            json.WriteString("timestamp", Timestamp(crumb.Time));
            json.WriteString("level", crumb.Level);
            json.WriteString("category", "log");
            json.WriteString("message", scrub(crumb.Message));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        return output.ToArray();
    }

    /// <summary>The exception chain, innermost first as Sentry expects, each with its stack frames (oldest call first).</summary>
    private static void WriteException(Utf8JsonWriter json, Exception exception, Func<string, string> scrub)
    {
        var chain = new List<Exception>();
        for (Exception? e = exception; e is not null && chain.Count < 8; e = e.InnerException)
            chain.Add(e);
        chain.Reverse();
        json.WriteStartObject("exception");
        json.WriteStartArray("values");
        foreach (Exception e in chain)
        {
            json.WriteStartObject();
            json.WriteString("type", e.GetType().FullName ?? e.GetType().Name);
            json.WriteString("value", scrub(e.Message));
            json.WriteStartObject("stacktrace");
            json.WriteStartArray("frames");
            StackFrame[] frames = new StackTrace(e, fNeedFileInfo: false).GetFrames();
            for (int i = frames.Length - 1; i >= 0; i--)
            {
                json.WriteStartObject();
                json.WriteString("function", FrameName(frames[i]));
                json.WriteBoolean("in_app", true);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string FrameName(StackFrame frame)
    {
        string text = frame.ToString().Trim();
        int at = text.IndexOf(" at offset", StringComparison.Ordinal);
        return at > 0 ? text[..at] : text;
    }

    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
