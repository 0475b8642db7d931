using System.Globalization;
using System.Net;
using System.Text;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Sdp;
using PagingServer.Sip.Transactions;
using PagingServer.Sip.Validation;
using PagingServer.Sip.Writer;

namespace PagingServer.Sip;

// INVITE handling (RFC 3261 13.3): admission, offer/answer, ringing, answer and 2xx retransmission.
public sealed partial class SipAgent
{
    private void OnInvite(InviteServerTransaction tx, IPEndPoint source)
    {
        var request = tx.Request;
        if (!request.To.Tag.IsEmpty)
        {
            OnReInvite(tx);
            return;
        }
        if (_stopped)
        {
            Layer.Respond(tx, 503, "Service Unavailable", SipIds.NewTag());
            return;
        }
        if (!Admit(tx, source))
        {
            return;
        }
        if (ActiveCalls >= Options.MaxCalls)
        {
            Log(SipLogLevel.Info, $"INVITE from {source} refused: {ActiveCalls} call(s) already (max-calls)");
            Layer.Respond(tx, 486, "Busy Here", SipIds.NewTag());
            return;
        }
        var offer = request.Body.IsEmpty ? null : SdpSession.Parse(request.Body, out _);
        var negotiation = offer is null ? null : SdpNegotiator.Negotiate(offer, Options.Codecs);
        if (offer is null || negotiation is null || !negotiation.Acceptable)
        {
            // 13.3.1.3 / RFC 3264 6: no acceptable offer (offer-less INVITEs are not supported either).
            Log(SipLogLevel.Info, $"INVITE from {source} refused with 488: {negotiation?.Reason ?? "no SDP offer"}");
            Layer.Respond(tx, 488, "Not Acceptable Here", SipIds.NewTag(),
                (ref SipWriter w) => w.Header(SipHeaderId.Warning, "304 - \"no common codec\""u8));
            return;
        }
        var call = new SipCall(this, tx, offer, negotiation)
        {
            LocalAddress = SipAddressing.SdpHost(LocalAddressFor(source.Address)),
        };
        if (_calls.ContainsKey(call.DialogKey))
        {
            Layer.Respond(tx, 500, "Server Internal Error", SipIds.NewTag());
            return;
        }
        _calls[call.DialogKey] = call;
        string contact = ContactFor(source.Address);
        var invite = tx.Request;
        byte[] ringing = Layer.BuildResponse(tx, 180, "Ringing", call.LocalTag, (ref SipWriter w) =>
        {
            CopyRecordRoute(ref w, invite);
            w.Header(SipHeaderId.Contact, contact);
        });
        tx.SendResponse(ringing, 180);
        call.RingRefresh = Loop.Schedule(RingRefreshInterval, () => RefreshRinging(call, ringing));
        Log(SipLogLevel.Info, $"{call} offered: {call.Codec.EncodingName}/{call.Codec.ClockRate} to {call.RemoteRtpAddress}:{call.RemoteRtpPort}");
        RaiseOffered(call);
    }

    // RFC 3261 13.3.1.1: a call left ringing repeats its provisional response every minute, so
    // proxies do not give up on the INVITE (Timer C, 16.6) while the application keeps it queued.
    private static readonly TimeSpan RingRefreshInterval = TimeSpan.FromMinutes(1);

    private void RefreshRinging(SipCall call, byte[] ringing)
    {
        if (call.State != SipCallState.Ringing || call.Invite.HasFinalResponse)
        {
            return;
        }
        call.Invite.SendResponse(ringing, 180);
        call.RingRefresh = Loop.Schedule(RingRefreshInterval, () => RefreshRinging(call, ringing));
    }

    internal void AnswerCall(SipCall call, int localRtpPort)
    {
        if (call.State != SipCallState.Ringing || call.Invite.HasFinalResponse)
        {
            return;
        }
        call.SetLocalRtpPort(localRtpPort);
        call.SetState(SipCallState.Answered);
        SendOk(call, call.Invite);
        Log(SipLogLevel.Info, $"{call} answered, RTP port {localRtpPort}");
    }

    internal void RejectCall(SipCall call, int statusCode)
    {
        if (call.State != SipCallState.Ringing || call.Invite.HasFinalResponse)
        {
            return;
        }
        Layer.Respond(call.Invite, statusCode, Transactions.SipTransactionLayer.Reason(statusCode), call.LocalTag);
        RaiseEnded(call, SipCallEndReason.Rejected);
    }

    // 200 with the SDP answer, then 13.3.1.4: retransmit from T1 doubling to T2 until the ACK,
    // and give up (BYE) after 64*T1.
    private void SendOk(SipCall call, InviteServerTransaction tx)
    {
        string sdp = SdpAnswerWriter.Write(call.Offer, call.Negotiation,
            new SdpLocalMedia(call.LocalAddress, call.LocalRtpPort, call.SdpSessionId, call.SdpVersion));
        byte[] body = Encoding.UTF8.GetBytes(sdp);
        string contact = ContactFor(call.Source.Address);
        var caps = Capabilities;
        var request = tx.Request;
        byte[] ok = Layer.BuildResponse(tx, 200, "OK", call.LocalTag, (ref SipWriter w) =>
        {
            CopyRecordRoute(ref w, request);
            w.Header(SipHeaderId.Contact, contact);
            UasResponseHeaders.WriteAllow(ref w, caps);
            w.Header(SipHeaderId.ContentType, "application/sdp"u8);
        }, body);
        call.StopTimers();
        call.PendingOk = ok;
        call.PendingOkCSeq = tx.Request.CSeq.Number;
        call.PendingOkTransaction = tx;
        call.OkInterval = Options.Timers.T1;
        tx.SendResponse(ok, 200);
        call.OkRetransmit = Loop.Schedule(call.OkInterval, () => RetransmitOk(call));
        call.AckTimeout = Loop.Schedule(Options.Timers.Timeout64T1, () => OnAckTimeout(call));
    }

    // RFC 3261 12.1.1: responses that establish the dialog carry the request's Record-Route, in order.
    private static void CopyRecordRoute(ref SipWriter w, Message.SipMessage request)
    {
        for (int i = 0; i < request.HeaderCount; i++)
        {
            if (request.HeaderId(i) == SipHeaderId.RecordRoute)
            {
                w.Header(SipHeaderId.RecordRoute, request.HeaderValue(i));
            }
        }
    }

    private void RetransmitOk(SipCall call)
    {
        if (call.PendingOk is null || call.PendingOkTransaction is null || call.State == SipCallState.Ended)
        {
            return;
        }
        Layer.SendStateless(call.PendingOk, call.PendingOkTransaction.Destination);
        call.OkInterval = TimeSpan.FromTicks(Math.Min(call.OkInterval.Ticks * 2, Options.Timers.T2.Ticks));
        call.OkRetransmit = Loop.Schedule(call.OkInterval, () => RetransmitOk(call));
    }

    private void OnAckTimeout(SipCall call)
    {
        if (call.PendingOk is null || call.State == SipCallState.Ended)
        {
            return;
        }
        Log(SipLogLevel.Warning, $"{call}: no ACK for our 200 within 64*T1; hanging up (RFC 3261 13.3.1.4)");
        call.StopTimers();
        SendBye(call);
        RaiseEnded(call, SipCallEndReason.AckTimeout);
    }

    // RFC 3261 14.2: a re-INVITE in the dialog; what its offer changed (hold, a moved or new
    // stream, RFC 3264 8) is told to the application.
    private void OnReInvite(InviteServerTransaction tx)
    {
        var request = tx.Request;
        var call = FindDialog(request);
        if (call is null)
        {
            Layer.Respond(tx, 481, "Call/Transaction Does Not Exist");
            return;
        }
        if (call.State is SipCallState.Ringing or SipCallState.Ended || call.PendingOk is not null)
        {
            // 14.2: an INVITE while ours is unfinished gets 500 with Retry-After (0-10 s).
            string retry = Random.Shared.Next(0, 11).ToString(CultureInfo.InvariantCulture);
            Layer.Respond(tx, 500, "Server Internal Error", null, (ref SipWriter w) => w.Header(SipHeaderId.RetryAfter, retry));
            return;
        }
        if (request.Count(SipHeaderId.Contact) > 0)
        {
            call.RemoteTarget = Encoding.UTF8.GetString(request.Contact().UriText); // 12.2.2 target refresh
        }
        call.RemoteCSeq = request.CSeq.Number;
        if (!request.Body.IsEmpty)
        {
            var offer = SdpSession.Parse(request.Body, out _);
            var negotiation = offer is null ? null : SdpNegotiator.Negotiate(offer, Options.Codecs);
            if (offer is null || negotiation is null || !negotiation.Acceptable)
            {
                Layer.Respond(tx, 488, "Not Acceptable Here"); // the session continues unchanged (14.2)
                return;
            }
            var previous = call.Negotiation;
            string previousVersion = call.Offer.SessionVersion;
            call.Offer = offer;
            call.Negotiation = negotiation;
            call.SdpVersion++;
            SendOk(call, tx);
            var change = new SipSessionChange(
                HoldChanged: previous.RemoteHold != negotiation.RemoteHold,
                MediaMoved: previous.RemotePort != negotiation.RemotePort
                    || !string.Equals(previous.RemoteAddress, negotiation.RemoteAddress, StringComparison.OrdinalIgnoreCase),
                NewDescription: !string.Equals(previousVersion, offer.SessionVersion, StringComparison.Ordinal));
            if (change.HoldChanged)
            {
                Log(SipLogLevel.Info, $"{call} {(negotiation.RemoteHold ? "put on hold" : "resumed")}");
            }
            if (change.MediaMoved)
            {
                Log(SipLogLevel.Info, $"{call} media moved to {negotiation.RemoteAddress}:{negotiation.RemotePort}");
            }
            if (change.Any)
            {
                RaiseSessionChanged(call, change);
            }
            return;
        }
        SendOk(call, tx); // refresh without an offer: our current session description again
    }
}
