namespace PagingServer.Sip;

/// <summary>Registration states (RFC 3261 10).</summary>
public enum SipRegistrationState : byte
{
    /// <summary>Not registered (listen only, or after un-registering).</summary>
    Unregistered,
    /// <summary>A REGISTER is on its way.</summary>
    Registering,
    /// <summary>The registrar accepted our binding.</summary>
    Registered,
    /// <summary>The last attempt failed; a retry is scheduled.</summary>
    Failed,
}

/// <summary>Registration state with the reason of a failure and the granted lifetime.</summary>
public sealed record SipRegistrationStatus(SipRegistrationState State, string Reason = "", int ExpiresSeconds = 0, TimeSpan? RetryIn = null)
{
    /// <summary>Not registered.</summary>
    public static SipRegistrationStatus Unregistered { get; } = new(SipRegistrationState.Unregistered);

    /// <inheritdoc/>
    public override string ToString() => State switch
    {
        SipRegistrationState.Registered => $"registered for {ExpiresSeconds} s",
        SipRegistrationState.Failed => $"registration failed: {Reason}" + (RetryIn is { } r ? $" (retry in {r.TotalSeconds:0} s)" : ""),
        SipRegistrationState.Registering => "registering",
        _ => "unregistered",
    };
}
