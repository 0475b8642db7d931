namespace PagingServer.Sip.Sdp;

/// <summary>a=rtpmap:&lt;payload type&gt; &lt;encoding name&gt;/&lt;clock rate&gt;[/&lt;channels&gt;] (RFC 4566 6).</summary>
public sealed record SdpRtpMap(int PayloadType, string EncodingName, int ClockRate, int Channels = 1)
{
    /// <summary>Static payload types of RFC 3551 table 4 that may appear without a=rtpmap.</summary>
    public static SdpRtpMap? Static(int payloadType) => payloadType switch
    {
        0 => new(0, "PCMU", 8000),
        3 => new(3, "GSM", 8000),
        4 => new(4, "G723", 8000),
        8 => new(8, "PCMA", 8000),
        // RFC 3551 4.5.2: G722 is listed with 8000 although it samples at 16 kHz.
        9 => new(9, "G722", 8000),
        18 => new(18, "G729", 8000),
        _ => null,
    };

    /// <summary>Parses the value after "rtpmap:".</summary>
    public static SdpRtpMap? Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int sp = value.IndexOf(' ', StringComparison.Ordinal);
        if (sp <= 0 || !int.TryParse(value.AsSpan(0, sp), System.Globalization.NumberStyles.None, null, out int pt) || pt > 127)
        {
            return null;
        }
        string[] parts = value[(sp + 1)..].Trim().Split('/');
        if (parts.Length < 2 || parts[0].Length == 0
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, null, out int rate) || rate <= 0)
        {
            return null;
        }
        int channels = 1;
        if (parts.Length > 2 && (!int.TryParse(parts[2], System.Globalization.NumberStyles.None, null, out channels) || channels <= 0))
        {
            return null;
        }
        return new SdpRtpMap(pt, parts[0], rate, channels);
    }
}
