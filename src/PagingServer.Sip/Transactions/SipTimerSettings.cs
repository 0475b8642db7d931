namespace PagingServer.Sip.Transactions;

/// <summary>The base timer values of RFC 3261 17.1.1.1 and Table 4; every other timer derives from them.</summary>
public sealed record SipTimerSettings(TimeSpan T1, TimeSpan T2, TimeSpan T4)
{
    /// <summary>T1 500 ms (RTT estimate), T2 4 s (maximum retransmit interval), T4 5 s (network lifetime).</summary>
    public static SipTimerSettings Default { get; } = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));

    /// <summary>Timers B, F, H, J and L: 64*T1 (RFC 3261 Table 4, RFC 6026).</summary>
    public TimeSpan Timeout64T1 => T1 * 64;

    /// <summary>Timer D on an unreliable transport: at least 32 s (RFC 3261 17.1.1.2).</summary>
    public TimeSpan TimerD => TimeSpan.FromSeconds(32);
}
