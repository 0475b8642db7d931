namespace PagingServer.Sip.Sdp;

/// <summary>One m= section (RFC 4566 5.14) with the attributes RFC 3264 negotiation needs.</summary>
public sealed class SdpMedia
{
    /// <summary>Media type ("audio", "video", ...).</summary>
    public required string Media { get; init; }

    /// <summary>Transport port; 0 means the stream is rejected or disabled (RFC 3264 5.1).</summary>
    public int Port { get; init; }

    /// <summary>Number of ports ("m=audio 49170/2 ..."), 1 when absent.</summary>
    public int PortCount { get; init; } = 1;

    /// <summary>Transport protocol ("RTP/AVP", ...).</summary>
    public required string Protocol { get; init; }

    /// <summary>Formats (payload type numbers for RTP) in offer order.</summary>
    public List<string> Formats { get; } = [];

    /// <summary>Media-level c= address, or null to use the session one.</summary>
    public string? ConnectionAddress { get; set; }

    /// <summary>Media-level direction attribute, or null when absent.</summary>
    public SdpDirection? Direction { get; set; }

    /// <summary>a=ptime in milliseconds, or null.</summary>
    public int? PtimeMs { get; set; }

    /// <summary>a=rtpmap lines.</summary>
    public List<SdpRtpMap> RtpMaps { get; } = [];

    /// <summary>a=fmtp parameters by payload type.</summary>
    public Dictionary<int, string> Fmtp { get; } = [];

    /// <summary>Other attributes, as written after "a=".</summary>
    public List<string> OtherAttributes { get; } = [];

    /// <summary>The encoding of a payload type: its a=rtpmap, else the RFC 3551 static one.</summary>
    public SdpRtpMap? FindRtpMap(int payloadType)
    {
        foreach (var map in RtpMaps)
        {
            if (map.PayloadType == payloadType)
            {
                return map;
            }
        }
        return payloadType < 96 ? SdpRtpMap.Static(payloadType) : null;
    }
}
