using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PagingServer.Sip.Uri;

namespace PagingServer.Sip;

/// <summary>Host and port handling: configured names, URIs to send to, and our own address.</summary>
internal static class SipAddressing
{
    /// <summary>
    /// Resolves "host", "host:port", "[v6]:port" or a SIP URI to an address (A/AAAA only: no
    /// NAPTR/SRV, RFC 3263 is not implemented). Null when it cannot be resolved.
    /// </summary>
    public static IPEndPoint? Resolve(string text, Action<SipLogLevel, string> log)
    {
        string hostPort = text.Trim();
        if (hostPort.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
        {
            hostPort = hostPort[4..];
        }
        int semi = hostPort.IndexOf(';', StringComparison.Ordinal);
        if (semi >= 0)
        {
            hostPort = hostPort[..semi];
        }
        int at = hostPort.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            hostPort = hostPort[(at + 1)..];
        }
        if (!SipHost.TrySplitHostPort(Encoding.UTF8.GetBytes(hostPort), out var hostBytes, out int port))
        {
            log(SipLogLevel.Warning, $"'{text}' is not host[:port]");
            return null;
        }
        string host = Encoding.UTF8.GetString(hostBytes).Trim('[', ']');
        port = port > 0 ? port : SipAgentOptions.DefaultPort;
        if (IPAddress.TryParse(host, out var ip))
        {
            return new IPEndPoint(ip, port);
        }
        try
        {
            var addresses = Dns.GetHostAddresses(host);
            var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            return chosen is null ? null : new IPEndPoint(chosen, port);
        }
        catch (SocketException e)
        {
            log(SipLogLevel.Warning, $"cannot resolve '{host}': {e.Message}");
            return null;
        }
    }

    /// <summary>Where to send a request for URI <paramref name="uri"/> (RFC 3263 reduced to A records and the URI port).</summary>
    public static IPEndPoint? ForUri(ReadOnlySpan<byte> uri, Action<SipLogLevel, string> log)
    {
        if (!SipUri.TryParse(uri, out var u) || u.Host.IsEmpty)
        {
            return null;
        }
        // maddr overrides the host (RFC 3261 19.1.1).
        var host = u.TryGetParameter("maddr"u8, out var maddr) ? maddr : u.Host;
        string h = Encoding.UTF8.GetString(host).Trim('[', ']');
        int port = u.Port > 0 ? u.Port : SipAgentOptions.DefaultPort;
        return IPAddress.TryParse(h, out var ip) ? new IPEndPoint(ip, port) : Resolve(h + ":" + port.ToString(CultureInfo.InvariantCulture), log);
    }

    /// <summary>Our address as seen by <paramref name="remote"/>: the bound one, or the one the kernel routes from.</summary>
    public static IPAddress LocalAddressFor(IPAddress bound, IPAddress? remote)
    {
        if (!bound.Equals(IPAddress.Any) && !bound.Equals(IPAddress.IPv6Any))
        {
            return bound;
        }
        remote ??= IPAddress.Loopback;
        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }
        try
        {
            // Connecting a UDP socket sends nothing; it only asks the routing table for our source.
            using var probe = new Socket(remote.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            probe.Connect(remote, 9);
            return ((IPEndPoint)probe.LocalEndPoint!).Address;
        }
        catch (SocketException)
        {
            return remote.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        }
    }

    /// <summary>host or [v6] as written in URIs and Via (RFC 3261 25.1, RFC 5118).</summary>
    public static string UriHost(IPAddress address)
    {
        var a = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (a.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return a.ToString();
        }
        string s = a.ToString();
        int percent = s.IndexOf('%', StringComparison.Ordinal);
        return "[" + (percent >= 0 ? s[..percent] : s) + "]";
    }

    /// <summary>Address for the SDP c= line (no brackets).</summary>
    public static string SdpHost(IPAddress address) => UriHost(address).Trim('[', ']');
}
