using PagingServer.Media.Jitter;
using PagingServer.Media.Resampling;

namespace PagingServer.Media.Rtp;

/// <summary>Media settings shared by every call, built once from the configuration.</summary>
public sealed record CallMediaOptions
{
    /// <summary>Jitter buffer limits (jitter-min-ms, jitter-max-ms).</summary>
    public JitterBufferOptions JitterBuffer { get; init; } = new();

    /// <summary>speexdsp quality, 0-10, for codec rate to output rate.</summary>
    public int ResamplerQuality { get; init; } = StreamingResampler.CallQuality;

    /// <summary>Audio kept queued in the sink, in milliseconds: must cover the receive loop's
    /// wake-up interval (<see cref="PollIntervalMs"/>) plus one JACK period.</summary>
    public int OutputBufferMs { get; init; } = 20;

    /// <summary>How often the receive loop wakes without packets to feed the sink, in ms.</summary>
    public int PollIntervalMs { get; init; } = 5;

    /// <summary>Negotiated telephone-event payload type (RFC 4733), or -1 when none.</summary>
    public int TelephoneEventPayloadType { get; init; } = -1;

    /// <summary>Silence on the wire after which the call is reported dead (config rtp-timeout,
    /// seconds); zero or infinite turns the check off.</summary>
    public TimeSpan RtpTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Mean interval between receiver reports (RFC 3550 6.2: at least 5 s).</summary>
    public TimeSpan RtcpInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>CNAME sent in RTCP SDES (RFC 3550 6.5.1), e.g. "paging@host".</summary>
    public string Cname { get; init; } = "paging";
}
