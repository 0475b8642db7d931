namespace PagingServer.Media.Rtp;

/// <summary>
/// Where a call's audio goes, at the output (JACK) rate: the exe implements it over the JACK
/// engine's call ring. Called from the call's receiving thread only.
/// </summary>
public interface IAudioSink
{
    /// <summary>Mono samples written and not yet played. The pipeline tops the sink up to
    /// its target level, so the consumer's clock paces the whole path.</summary>
    int Buffered { get; }

    /// <summary>Queues samples; returns how many were taken (fewer when full).</summary>
    int Write(ReadOnlySpan<float> samples);
}
