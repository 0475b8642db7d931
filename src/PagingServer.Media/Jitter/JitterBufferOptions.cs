namespace PagingServer.Media.Jitter;

/// <summary>Settings of one <see cref="JitterBuffer"/>, built once per call.</summary>
public sealed record JitterBufferOptions
{
    /// <summary>Lowest target delay in milliseconds (config jitter-min-ms).</summary>
    public int MinDelayMs { get; init; } = 20;

    /// <summary>Highest target delay in milliseconds (config jitter-max-ms).</summary>
    public int MaxDelayMs { get; init; } = 200;

    /// <summary>Extra delay in milliseconds kept above the measured arrival spread, so the
    /// controller's dead band does not make the slowest packets late.</summary>
    public int SafetyMarginMs { get; init; } = 10;

    /// <summary>Dead band of the delay controller in milliseconds: no stretching while the
    /// delay is this close to the target.</summary>
    public int HysteresisMs { get; init; } = 5;

    /// <summary>Packets over which the arrival spread is measured.</summary>
    public int WindowPackets { get; init; } = 100;

    /// <summary>Largest RTP payload kept, in bytes; larger ones are dropped.</summary>
    public int MaxPayloadBytes { get; init; } = 1500;

    /// <summary>Concealment fades to silence after this many milliseconds of loss
    /// (G.711 Appendix I section I.2.4: 60 ms).</summary>
    public int ConcealmentFadeMs { get; init; } = 60;

    internal void Validate()
    {
        if (MinDelayMs < 0 || MaxDelayMs < MinDelayMs || MaxDelayMs > 2000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDelayMs), $"need 0 <= jitter-min-ms ({MinDelayMs}) <= jitter-max-ms ({MaxDelayMs}) <= 2000");
        }

        if (WindowPackets < 2 || MaxPayloadBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(WindowPackets), "window and payload size must be positive");
        }
    }
}
