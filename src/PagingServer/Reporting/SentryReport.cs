namespace PagingServer.Reporting;

/// <summary>A log line kept to give an error report its context.</summary>
internal sealed record Breadcrumb(DateTimeOffset Time, string Level, string Message);

/// <summary>What one error report says: a message or an exception, its level and what led to it.</summary>
internal sealed record SentryReport(
    Guid EventId,
    DateTimeOffset Time,
    string Level,
    string Message,
    Exception? Exception,
    IReadOnlyList<Breadcrumb> Breadcrumbs);

/// <summary>Facts of this installation that every report carries.</summary>
internal sealed record ReportContext(string Release, string Environment, string HostName);
