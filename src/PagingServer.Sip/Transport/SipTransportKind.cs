namespace PagingServer.Sip.Transport;

/// <summary>The transport a SIP agent listens and sends on (RFC 3261 18).</summary>
public enum SipTransportKind : byte
{
    /// <summary>UDP: unreliable, so transactions retransmit (RFC 3261 17.1.1.2, 17.1.2.2).</summary>
    Udp,
    /// <summary>TCP: reliable and stream framed by Content-Length (RFC 3261 18.3).</summary>
    Tcp,
}

/// <summary>Names of <see cref="SipTransportKind"/> as written in Via and URI parameters.</summary>
public static class SipTransportKinds
{
    /// <summary>"UDP" or "TCP" for the Via header (RFC 3261 20.42).</summary>
    public static string ViaName(SipTransportKind kind) => kind == SipTransportKind.Tcp ? "TCP" : "UDP";

    /// <summary>Parses "udp" or "tcp" (any case).</summary>
    public static bool TryParse(string? text, out SipTransportKind kind)
    {
        kind = SipTransportKind.Udp;
        if (string.Equals(text, "udp", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (string.Equals(text, "tcp", StringComparison.OrdinalIgnoreCase))
        {
            kind = SipTransportKind.Tcp;
            return true;
        }
        return false;
    }
}
