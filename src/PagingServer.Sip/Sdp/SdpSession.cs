using System.Globalization;
using System.Text;

namespace PagingServer.Sip.Sdp;

/// <summary>
/// A parsed session description (RFC 4566). Parsing allocates (strings, lists): it happens once
/// per offer, not per packet.
/// </summary>
public sealed class SdpSession
{
    /// <summary>o= username.</summary>
    public string OriginUsername { get; private set; } = "-";

    /// <summary>o= sess-id (kept as text: it may exceed 64 bits).</summary>
    public string SessionId { get; private set; } = "0";

    /// <summary>o= sess-version.</summary>
    public string SessionVersion { get; private set; } = "0";

    /// <summary>o= unicast address.</summary>
    public string OriginAddress { get; private set; } = "";

    /// <summary>s= session name.</summary>
    public string SessionName { get; private set; } = "-";

    /// <summary>Session-level c= address, or null.</summary>
    public string? ConnectionAddress { get; private set; }

    /// <summary>Session-level direction attribute, or null.</summary>
    public SdpDirection? Direction { get; private set; }

    /// <summary>The m= sections in order.</summary>
    public List<SdpMedia> Media { get; } = [];

    /// <summary>The connection address that applies to <paramref name="media"/> (media level first, RFC 4566 5.7).</summary>
    public string? AddressOf(SdpMedia media) => media?.ConnectionAddress ?? ConnectionAddress;

    /// <summary>The direction that applies to <paramref name="media"/> (media attribute, else session, else sendrecv).</summary>
    public SdpDirection DirectionOf(SdpMedia media) => media?.Direction ?? Direction ?? SdpDirection.SendRecv;

    /// <summary>Parses a body; returns null and a reason when it is not valid SDP.</summary>
    public static SdpSession? Parse(ReadOnlySpan<byte> body, out string error)
    {
        var session = new SdpSession();
        string text = Encoding.UTF8.GetString(body);
        SdpMedia? media = null;
        bool sawV = false, sawO = false, sawS = false, sawT = false;
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }
            // RFC 4566 5: <type>=<value>, type a single letter, no spaces around '='.
            if (line.Length < 2 || line[1] != '=' || !char.IsAsciiLetterLower(line[0]))
            {
                error = "line is not <type>=<value>";
                return null;
            }
            string value = line[2..];
            if (!sawV && line[0] != 'v')
            {
                error = "v= must come first";
                return null;
            }
            switch (line[0])
            {
                case 'v':
                    if (value != "0")
                    {
                        error = "unsupported SDP version";
                        return null;
                    }
                    sawV = true;
                    break;
                case 'o':
                    string[] o = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (o.Length != 6)
                    {
                        error = "bad o= line";
                        return null;
                    }
                    (session.OriginUsername, session.SessionId, session.SessionVersion, session.OriginAddress) = (o[0], o[1], o[2], o[5]);
                    sawO = true;
                    break;
                case 's':
                    session.SessionName = value;
                    sawS = true;
                    break;
                case 't':
                    sawT = true;
                    break;
                case 'c':
                    string? address = ParseConnection(value);
                    if (address is null)
                    {
                        error = "bad c= line";
                        return null;
                    }
                    if (media is null)
                    {
                        session.ConnectionAddress = address;
                    }
                    else
                    {
                        media.ConnectionAddress = address;
                    }
                    break;
                case 'm':
                    media = ParseMedia(value);
                    if (media is null)
                    {
                        error = "bad m= line";
                        return null;
                    }
                    session.Media.Add(media);
                    break;
                case 'a':
                    if (!ApplyAttribute(session, media, value))
                    {
                        error = "bad a= line";
                        return null;
                    }
                    break;
                default:
                    break; // i, u, e, p, b, z, k, r: not needed for negotiation
            }
        }
        if (!sawV || !sawO || !sawS || !sawT)
        {
            error = "missing v=, o=, s= or t=";
            return null;
        }
        // RFC 4566 5.7: c= at session level or in every media section.
        if (session.ConnectionAddress is null && session.Media.Exists(m => m.ConnectionAddress is null))
        {
            error = "no c= for a media section";
            return null;
        }
        error = "";
        return session;
    }

    private static string? ParseConnection(string value)
    {
        // c=<nettype> <addrtype> <connection-address>[/ttl][/count]
        string[] c = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (c.Length != 3 || c[0] != "IN" || (c[1] != "IP4" && c[1] != "IP6"))
        {
            return null;
        }
        int slash = c[2].IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 ? c[2][..slash] : c[2];
    }

    private static SdpMedia? ParseMedia(string value)
    {
        // m=<media> <port>[/<number of ports>] <proto> <fmt> ...
        string[] m = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (m.Length < 4)
        {
            return null;
        }
        string[] port = m[1].Split('/');
        if (!int.TryParse(port[0], NumberStyles.None, CultureInfo.InvariantCulture, out int p) || p > 65535)
        {
            return null;
        }
        int count = 1;
        if (port.Length > 1 && !int.TryParse(port[1], NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            return null;
        }
        var media = new SdpMedia { Media = m[0], Port = p, PortCount = count, Protocol = m[2] };
        media.Formats.AddRange(m[3..]);
        return media;
    }

    private static bool ApplyAttribute(SdpSession session, SdpMedia? media, string value)
    {
        if (SdpDirections.TryParse(value, out var direction))
        {
            if (media is null)
            {
                session.Direction = direction;
            }
            else
            {
                media.Direction = direction;
            }
            return true;
        }
        if (media is null)
        {
            return true;
        }
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        string name = colon >= 0 ? value[..colon] : value;
        string arg = colon >= 0 ? value[(colon + 1)..] : "";
        switch (name)
        {
            case "rtpmap":
                // A malformed rtpmap (RFC 4475's "a=rtpmap:31 LPC" lacks the clock rate) only
                // makes that format unusable; it is kept as an unknown attribute.
                var map = SdpRtpMap.Parse(arg);
                if (map is null)
                {
                    media.OtherAttributes.Add(value);
                }
                else
                {
                    media.RtpMaps.Add(map);
                }
                return true;
            case "fmtp":
                int sp = arg.IndexOf(' ', StringComparison.Ordinal);
                if (sp <= 0 || !int.TryParse(arg.AsSpan(0, sp), NumberStyles.None, CultureInfo.InvariantCulture, out int pt))
                {
                    return false;
                }
                media.Fmtp[pt] = arg[(sp + 1)..].Trim();
                return true;
            case "ptime":
                if (!int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out int ptime))
                {
                    return false;
                }
                media.PtimeMs = ptime;
                return true;
            default:
                media.OtherAttributes.Add(value);
                return true;
        }
    }
}
