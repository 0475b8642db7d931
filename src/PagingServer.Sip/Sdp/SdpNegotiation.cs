namespace PagingServer.Sip.Sdp;

/// <summary>The result of matching an offer against our codecs (RFC 3264 6).</summary>
public sealed class SdpNegotiation
{
    /// <summary>False when no audio stream with a common codec exists: answer 488 (RFC 3261 13.3.1.3, RFC 3264 6).</summary>
    public bool Acceptable { get; init; }

    /// <summary>Why the offer was refused (empty when acceptable).</summary>
    public string Reason { get; init; } = "";

    /// <summary>Index of the accepted audio m= section in the offer.</summary>
    public int MediaIndex { get; init; } = -1;

    /// <summary>The chosen codec and the payload type the offerer gave it.</summary>
    public SdpRtpMap? Codec { get; init; }

    /// <summary>The offerer's telephone-event payload type, when both sides support RFC 4733.</summary>
    public SdpRtpMap? TelephoneEvent { get; init; }

    /// <summary>Where to send RTP: the offer's connection address and port.</summary>
    public string RemoteAddress { get; init; } = "";

    /// <summary>The offer's RTP port.</summary>
    public int RemotePort { get; init; }

    /// <summary>True when the offerer put us on hold (c=0.0.0.0 per RFC 3264 8.4, or sendonly/inactive).</summary>
    public bool RemoteHold { get; init; }

    /// <summary>The direction to write in the answer (RFC 3264 6.1).</summary>
    public SdpDirection AnswerDirection { get; init; }

    /// <summary>Packet time from the offer, or null.</summary>
    public int? PtimeMs { get; init; }
}
