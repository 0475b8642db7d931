namespace PagingServer.Sip;

/// <summary>Severity of a line given to the agent's log sink.</summary>
public enum SipLogLevel : byte
{
    /// <summary>Every SIP message in and out (only when tracing is on) and timer details.</summary>
    Trace,
    /// <summary>Normal events: registration, calls offered and ended.</summary>
    Info,
    /// <summary>Something was refused or failed and will be retried.</summary>
    Warning,
    /// <summary>A bug or a fatal condition.</summary>
    Error,
}
