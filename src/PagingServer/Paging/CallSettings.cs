using System.Net;
using PagingServer.Configuration;
using PagingServer.Media.Codecs;
using PagingServer.Media.Jitter;
using PagingServer.Media.Rtp;
using PagingServer.Sip;
using PagingServer.Sip.Sdp;
using PagingServer.Sip.Transport;

namespace PagingServer.Paging;

/// <summary>The SIP agent's and the RTP path's options from the configuration.</summary>
internal static class CallSettings
{
    /// <summary>SDP names of our codecs, as `[sip] codecs` spells them.</summary>
    private static readonly Dictionary<string, string> SdpNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["G722"] = "G722/8000",
        ["PCMU"] = "PCMU/8000",
        ["PCMA"] = "PCMA/8000",
        ["opus"] = "opus/48000/2",
    };

    public static SipAgentOptions Agent(PagingOptions options, bool trace) => new()
    {
        BindAddress = IPAddress.Parse(options.Sip.ListenAddress),
        Port = options.Sip.Port,
        Transport = options.Sip.Transport == "tcp" ? SipTransportKind.Tcp : SipTransportKind.Udp,
        Domain = options.Sip.Domain,
        User = options.Sip.User,
        Password = options.Sip.Password,
        Proxy = options.Sip.Proxy,
        AllowFrom = options.Sip.AllowFrom,
        InviteAuth = options.Sip.InviteAuth,
        MaxCalls = options.Calls.MaxCalls,
        UserAgent = $"PagingServer/{BuildInfo.Version}",
        Codecs = [.. options.Sip.Codecs.Select(name => SdpCodec.Parse(SdpNames[name])), SdpCodec.Parse("telephone-event/8000")],
        TraceMessages = trace,
    };

    public static CallMediaOptions Media(PagingOptions options, int telephoneEventPayloadType) => new()
    {
        JitterBuffer = new JitterBufferOptions { MinDelayMs = options.Audio.JitterMinMs, MaxDelayMs = options.Audio.JitterMaxMs },
        RtpTimeout = options.Sip.RtpTimeout,
        TelephoneEventPayloadType = telephoneEventPayloadType,
        // Above the JACK ring's 40 ms prefill, so the ring starts playing once topped up. More
        // than this starves the jitter buffer, which then conceals (measured: 100 ms did).
        OutputBufferMs = 60,
    };

    /// <summary>The decoder for what SDP negotiated; null for a codec we never offer.</summary>
    public static CodecDescription? Codec(SdpRtpMap map) => map.EncodingName.ToUpperInvariant() switch
    {
        "PCMU" => CodecDescription.Pcmu with { PayloadType = map.PayloadType },
        "PCMA" => CodecDescription.Pcma with { PayloadType = map.PayloadType },
        "G722" => CodecDescription.G722 with { PayloadType = map.PayloadType },
        "OPUS" => CodecDescription.Opus(map.PayloadType),
        _ => null,
    };
}
