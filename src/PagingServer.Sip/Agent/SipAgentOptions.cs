using System.Net;
using PagingServer.Sip.Sdp;
using PagingServer.Sip.Transactions;
using PagingServer.Sip.Transport;

namespace PagingServer.Sip;

/// <summary>Configuration of a <see cref="SipAgent"/>, built once by the application (immutable).</summary>
public sealed record SipAgentOptions
{
    /// <summary>The standard SIP port (RFC 3261 19.1.2).</summary>
    public const int DefaultPort = 5060;

    /// <summary>Address to bind (IPv4 or IPv6; any-address binds every interface).</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Any;

    /// <summary>Port to bind; 0 picks a free port (tests).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>UDP or TCP.</summary>
    public SipTransportKind Transport { get; init; } = SipTransportKind.Udp;

    /// <summary>Registrar domain ("host" or "host:port"); empty: listen only, no registration.</summary>
    public string Domain { get; init; } = "";

    /// <summary>User part of our address of record and the digest username.</summary>
    public string User { get; init; } = "";

    /// <summary>Digest password; never logged.</summary>
    public string Password { get; init; } = "";

    /// <summary>Outbound proxy ("host" or "host:port"); every request goes there (RFC 3261 8.1.2).</summary>
    public string Proxy { get; init; } = "";

    /// <summary>Extra sources allowed to call: IP addresses, CIDR networks, host names.</summary>
    public IReadOnlyList<string> AllowFrom { get; init; } = [];

    /// <summary>Challenge INVITEs from sources not allowed instead of refusing them with 403.</summary>
    public bool InviteAuth { get; init; }

    /// <summary>Concurrent calls (offered or answered); beyond: 486 Busy Here.</summary>
    public int MaxCalls { get; init; } = 1;

    /// <summary>Registration lifetime asked for, in seconds (RFC 3261 10.2.1.1).</summary>
    public int RegisterExpiresSeconds { get; init; } = 3600;

    /// <summary>First retry delay after a failed registration, in seconds; doubles up to <see cref="RegisterRetryMaxSeconds"/>.</summary>
    public int RegisterRetryBaseSeconds { get; init; } = 30;

    /// <summary>Largest retry delay after failed registrations, in seconds.</summary>
    public int RegisterRetryMaxSeconds { get; init; } = 1800;

    /// <summary>User-Agent and Server header value.</summary>
    public string UserAgent { get; init; } = "PagingServer";

    /// <summary>Codecs we accept, in preference order (telephone-event may be listed too).</summary>
    public IReadOnlyList<SdpCodec> Codecs { get; init; } = [SdpCodec.Parse("PCMU/8000"), SdpCodec.Parse("PCMA/8000")];

    /// <summary>Log every SIP message in and out at <see cref="SipLogLevel.Trace"/> (the exe's --debug).</summary>
    public bool TraceMessages { get; init; }

    /// <summary>T1, T2, T4 (RFC 3261 17).</summary>
    public SipTimerSettings Timers { get; init; } = SipTimerSettings.Default;
}
