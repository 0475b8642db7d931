using System.Net;
using PagingServer.Sip.Sdp;
using PagingServer.Sip.Transactions;

namespace PagingServer.Sip;

/// <summary>Where a call stands.</summary>
public enum SipCallState : byte
{
    /// <summary>180 sent, waiting for the application to answer or reject.</summary>
    Ringing,
    /// <summary>200 OK sent, waiting for the ACK (RFC 3261 13.3.1.4).</summary>
    Answered,
    /// <summary>ACK received: the call is up.</summary>
    Confirmed,
    /// <summary>Over.</summary>
    Ended,
}

/// <summary>Why a call ended.</summary>
public enum SipCallEndReason : byte
{
    /// <summary>The caller cancelled before the answer (RFC 3261 9.2, 487 sent).</summary>
    Cancelled,
    /// <summary>The caller sent BYE.</summary>
    RemoteHangup,
    /// <summary>The application hung up (BYE sent).</summary>
    LocalHangup,
    /// <summary>The application rejected the call.</summary>
    Rejected,
    /// <summary>No ACK for our 200 within 64*T1 (RFC 3261 13.3.1.4): BYE sent.</summary>
    AckTimeout,
    /// <summary>The agent stopped.</summary>
    Shutdown,
}

/// <summary>
/// An incoming call. Properties are set on the SIP thread before the application hears of the
/// call; <see cref="Answer"/>, <see cref="Reject"/> and <see cref="Hangup"/> may be called from
/// any thread (they post to the SIP thread). A call may ring as long as the application wants.
/// </summary>
public sealed partial class SipCall
{
    private readonly SipAgent _agent;
    private volatile SipCallState _state;

    internal SipCall(SipAgent agent, InviteServerTransaction invite, SdpSession offer, SdpNegotiation negotiation)
    {
        _agent = agent;
        Invite = invite;
        Offer = offer;
        Negotiation = negotiation;
        Source = invite.Source;
        InitDialog(invite.Request);
    }

    /// <summary>The caller's address of record (From URI).</summary>
    public string Caller { get; private set; } = "";

    /// <summary>The caller's display name, or empty.</summary>
    public string CallerName { get; private set; } = "";

    /// <summary>Where the INVITE came from (the proxy's address for relayed calls).</summary>
    public IPEndPoint Source { get; }

    /// <summary>Call-ID (RFC 3261 8.1.1.4).</summary>
    public string CallId { get; private set; } = "";

    /// <summary>The negotiated codec with the caller's payload type.</summary>
    public SdpRtpMap Codec => Negotiation.Codec!;

    /// <summary>The caller's telephone-event payload type (RFC 4733), if both sides have it.</summary>
    public SdpRtpMap? TelephoneEvent => Negotiation.TelephoneEvent;

    /// <summary>Where to send RTP (the current offer's connection address).</summary>
    public string RemoteRtpAddress => Negotiation.RemoteAddress;

    /// <summary>The caller's RTP port.</summary>
    public int RemoteRtpPort => Negotiation.RemotePort;

    /// <summary>True while the caller holds the call (sendonly, inactive or c=0.0.0.0, RFC 3264 8.4).</summary>
    public bool OnHold => Negotiation.RemoteHold;

    /// <summary>Our RTP port, once answered.</summary>
    public int LocalRtpPort { get; private set; }

    /// <summary>Our address as written in the SDP answer and Contact.</summary>
    public string LocalAddress { get; internal set; } = "";

    /// <summary>Current state (readable from any thread).</summary>
    public SipCallState State => _state;

    internal SdpSession Offer { get; set; }

    internal SdpNegotiation Negotiation { get; set; }

    internal InviteServerTransaction Invite { get; set; }

    internal void SetState(SipCallState state) => _state = state;

    /// <summary>Sends 200 OK with an SDP answer naming <paramref name="localRtpPort"/>; retransmitted until the ACK.</summary>
    public void Answer(int localRtpPort)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(localRtpPort);
        _agent.Loop.Post(() => _agent.AnswerCall(this, localRtpPort));
    }

    /// <summary>Refuses a ringing call with <paramref name="statusCode"/> (e.g. 486 Busy Here, 603 Decline).</summary>
    public void Reject(int statusCode = 486)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 300);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        _agent.Loop.Post(() => _agent.RejectCall(this, statusCode));
    }

    /// <summary>Ends the call: BYE when answered, 480 when still ringing.</summary>
    public void Hangup() => _agent.Loop.Post(() => _agent.HangupCall(this, SipCallEndReason.LocalHangup));

    internal void SetLocalRtpPort(int port) => LocalRtpPort = port;

    /// <inheritdoc/>
    public override string ToString() => $"call {CallId} from {Caller}";
}
