namespace PagingServer.Sip.Sdp;

/// <summary>Media direction attributes (RFC 4566 6, RFC 3264 5.1).</summary>
public enum SdpDirection : byte
{
    /// <summary>a=sendrecv (the default).</summary>
    SendRecv,
    /// <summary>a=sendonly.</summary>
    SendOnly,
    /// <summary>a=recvonly.</summary>
    RecvOnly,
    /// <summary>a=inactive.</summary>
    Inactive,
}

/// <summary>Helpers for <see cref="SdpDirection"/>.</summary>
public static class SdpDirections
{
    /// <summary>The attribute name ("sendrecv", ...).</summary>
    public static string Name(SdpDirection d) => d switch
    {
        SdpDirection.SendOnly => "sendonly",
        SdpDirection.RecvOnly => "recvonly",
        SdpDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    /// <summary>Parses an attribute name; false for other attributes.</summary>
    public static bool TryParse(string attribute, out SdpDirection d)
    {
        d = attribute switch
        {
            "sendrecv" => SdpDirection.SendRecv,
            "sendonly" => SdpDirection.SendOnly,
            "recvonly" => SdpDirection.RecvOnly,
            "inactive" => SdpDirection.Inactive,
            _ => (SdpDirection)255,
        };
        return (byte)d != 255;
    }

    /// <summary>True when the side using this direction sends media.</summary>
    public static bool Sends(SdpDirection d) => d is SdpDirection.SendRecv or SdpDirection.SendOnly;

    /// <summary>True when the side using this direction receives media.</summary>
    public static bool Receives(SdpDirection d) => d is SdpDirection.SendRecv or SdpDirection.RecvOnly;

    /// <summary>Builds a direction from send/receive flags.</summary>
    public static SdpDirection From(bool sends, bool receives) => (sends, receives) switch
    {
        (true, true) => SdpDirection.SendRecv,
        (true, false) => SdpDirection.SendOnly,
        (false, true) => SdpDirection.RecvOnly,
        _ => SdpDirection.Inactive,
    };
}
