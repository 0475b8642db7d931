namespace PagingServer.Sip.Validation;

/// <summary>Verdict of <see cref="UasRequestCheck.Check"/>: 0 means "process the request", otherwise the final response to send.</summary>
public readonly record struct UasCheckResult(int StatusCode, string Reason)
{
    /// <summary>The request passed every check.</summary>
    public static UasCheckResult Ok => new(0, "");

    /// <summary>True when the request passed.</summary>
    public bool IsOk => StatusCode == 0;
}
