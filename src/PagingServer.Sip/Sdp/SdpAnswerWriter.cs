using System.Globalization;
using System.Text;

namespace PagingServer.Sip.Sdp;

/// <summary>Our side of the answer: address, port and o= identity.</summary>
public sealed record SdpLocalMedia(string Address, int RtpPort, ulong SessionId, ulong SessionVersion, string Username = "-");

/// <summary>Writes an SDP answer (RFC 3264 6): one m= per offered m=, only the negotiated audio stream enabled.</summary>
public static class SdpAnswerWriter
{
    /// <summary>Builds the answer text for <paramref name="negotiation"/> (which must be acceptable).</summary>
    public static string Write(SdpSession offer, SdpNegotiation negotiation, SdpLocalMedia local)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(negotiation);
        ArgumentNullException.ThrowIfNull(local);
        if (!negotiation.Acceptable || negotiation.Codec is null)
        {
            throw new ArgumentException("cannot answer an unacceptable offer (send 488)", nameof(negotiation));
        }
        var inv = CultureInfo.InvariantCulture;
        string addrType = local.Address.Contains(':', StringComparison.Ordinal) ? "IP6" : "IP4";
        var sb = new StringBuilder(256);
        sb.Append("v=0\r\n");
        sb.Append(inv, $"o={local.Username} {local.SessionId} {local.SessionVersion} IN {addrType} {local.Address}\r\n");
        sb.Append("s=-\r\n");
        sb.Append(inv, $"c=IN {addrType} {local.Address}\r\n");
        sb.Append("t=0 0\r\n");
        for (int i = 0; i < offer.Media.Count; i++)
        {
            var m = offer.Media[i];
            if (i != negotiation.MediaIndex)
            {
                // RFC 3264 6: a refused stream keeps its place with port 0 and at least one format.
                sb.Append(inv, $"m={m.Media} 0 {m.Protocol} {(m.Formats.Count > 0 ? m.Formats[0] : "0")}\r\n");
                continue;
            }
            var codec = negotiation.Codec;
            var events = negotiation.TelephoneEvent;
            sb.Append(inv, $"m=audio {local.RtpPort} {m.Protocol} {codec.PayloadType}");
            if (events is not null)
            {
                sb.Append(inv, $" {events.PayloadType}");
            }
            sb.Append("\r\n");
            AppendRtpMap(sb, codec, m);
            if (events is not null)
            {
                AppendRtpMap(sb, events, m);
            }
            if (negotiation.PtimeMs is int ptime)
            {
                sb.Append(inv, $"a=ptime:{ptime}\r\n");
            }
            sb.Append("a=").Append(SdpDirections.Name(negotiation.AnswerDirection)).Append("\r\n");
        }
        return sb.ToString();
    }

    private static void AppendRtpMap(StringBuilder sb, SdpRtpMap map, SdpMedia offered)
    {
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"a=rtpmap:{map.PayloadType} {map.EncodingName}/{map.ClockRate}");
        if (map.Channels != 1)
        {
            sb.Append(inv, $"/{map.Channels}");
        }
        sb.Append("\r\n");
        if (offered.Fmtp.TryGetValue(map.PayloadType, out string? fmtp))
        {
            sb.Append(inv, $"a=fmtp:{map.PayloadType} {fmtp}\r\n");
        }
    }
}
