using System.Globalization;

namespace PagingServer.Sip.Sdp;

/// <summary>A codec we offer or accept, written like an rtpmap encoding ("PCMU/8000", "opus/48000/2").</summary>
public sealed record SdpCodec(string Name, int ClockRate, int Channels = 1)
{
    /// <summary>Parses "name/rate[/channels]".</summary>
    public static SdpCodec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] p = text.Split('/');
        if (p.Length is < 2 or > 3)
        {
            throw new FormatException($"codec '{text}' is not name/rate[/channels]");
        }
        return new SdpCodec(p[0], int.Parse(p[1], CultureInfo.InvariantCulture),
            p.Length == 3 ? int.Parse(p[2], CultureInfo.InvariantCulture) : 1);
    }

    /// <summary>True for RFC 4733 telephone-event, which is never the audio codec itself.</summary>
    public bool IsTelephoneEvent => Name.Equals("telephone-event", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when an rtpmap names this codec (name case-insensitive, RFC 4566 6; same rate and channels).</summary>
    public bool Matches(SdpRtpMap map) =>
        map is not null && map.EncodingName.Equals(Name, StringComparison.OrdinalIgnoreCase)
        && map.ClockRate == ClockRate && map.Channels == Channels;

    /// <inheritdoc/>
    public override string ToString() => Channels == 1
        ? string.Create(CultureInfo.InvariantCulture, $"{Name}/{ClockRate}")
        : string.Create(CultureInfo.InvariantCulture, $"{Name}/{ClockRate}/{Channels}");
}
