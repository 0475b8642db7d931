using System.Net;
using System.Text;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;
using PagingServer.Sip.Transactions;
using PagingServer.Sip.Validation;
using PagingServer.Sip.Writer;

namespace PagingServer.Sip;

// The UAS core (RFC 3261 8.2): requests that are not retransmissions arrive here, on the loop.
public sealed partial class SipAgent
{
    private void OnRequest(SipMessage request, SipServerTransaction? tx, IPEndPoint source)
    {
        if (tx is null)
        {
            OnAckFor2xx(request);
            return;
        }
        var check = UasRequestCheck.Check(request, Capabilities);
        if (!check.IsOk)
        {
            int code = check.StatusCode;
            var caps = Capabilities;
            var req = tx.Request;
            Layer.Respond(tx, code, check.Reason, ToTagFor(request), (ref SipWriter w) =>
            {
                UasResponseHeaders.Write(ref w, code, req, caps);
                if (code == 501)
                {
                    UasResponseHeaders.WriteAllow(ref w, caps); // tells the caller what we do implement
                }
            });
            return;
        }
        switch (request.MethodId)
        {
            case SipMethod.Invite:
                OnInvite((InviteServerTransaction)tx, source);
                break;
            case SipMethod.Bye:
                OnBye(tx);
                break;
            case SipMethod.Cancel:
                OnCancel(tx);
                break;
            case SipMethod.Options:
                OnOptions(tx);
                break;
            default:
                Layer.Respond(tx, 405, "Method Not Allowed", ToTagFor(request), AllowHeader);
                break;
        }
    }

    private void AllowHeader(ref SipWriter w) => UasResponseHeaders.WriteAllow(ref w, Capabilities);

    // 8.2.6.2: a final response outside a dialog carries a To tag of ours.
    private static string? ToTagFor(SipMessage request) => request.To.Tag.IsEmpty ? SipIds.NewTag() : null;

    // RFC 3261 11.2: what we support, as a 200 would be to an INVITE.
    private void OnOptions(SipServerTransaction tx)
    {
        var caps = Capabilities;
        string contact = ContactFor(tx.Source.Address);
        Layer.Respond(tx, _stopped ? 503 : 200, _stopped ? "Service Unavailable" : "OK", ToTagFor(tx.Request), (ref SipWriter w) =>
        {
            UasResponseHeaders.WriteAllow(ref w, caps);
            w.Header(SipHeaderId.Accept, "application/sdp"u8);
            w.Header(SipHeaderId.Contact, contact);
        });
    }

    // RFC 3261 15.1.2: BYE ends the dialog; 481 when there is none.
    private void OnBye(SipServerTransaction tx)
    {
        var call = FindDialog(tx.Request);
        if (call is null)
        {
            Layer.Respond(tx, 481, "Call/Transaction Does Not Exist", ToTagFor(tx.Request));
            return;
        }
        Layer.Respond(tx, 200, "OK");
        if (call.State == SipCallState.Ringing && !call.Invite.HasFinalResponse)
        {
            // A BYE in an early dialog from the caller: the INVITE gets 487 (15.1.2).
            Layer.Respond(call.Invite, 487, "Request Terminated", call.LocalTag);
        }
        RaiseEnded(call, SipCallEndReason.RemoteHangup);
    }

    // RFC 3261 9.2: CANCEL matches the INVITE by branch; 200 for it, 487 for the INVITE if unanswered.
    private void OnCancel(SipServerTransaction tx)
    {
        var invite = Layer.Find(SipTransactionKeys.Server(tx.Request, SipMethod.Invite)) as InviteServerTransaction;
        if (invite is null)
        {
            Layer.Respond(tx, 481, "Call/Transaction Does Not Exist", ToTagFor(tx.Request));
            return;
        }
        var call = _calls.Values.FirstOrDefault(c => ReferenceEquals(c.Invite, invite));
        Layer.Respond(tx, 200, "OK", call?.LocalTag ?? ToTagFor(tx.Request));
        if (!invite.HasFinalResponse)
        {
            Layer.Respond(invite, 487, "Request Terminated", call?.LocalTag ?? SipIds.NewTag());
            if (call is not null)
            {
                RaiseEnded(call, SipCallEndReason.Cancelled);
            }
        }
    }

    // RFC 3261 13.3.1.4: the ACK for our 2xx stops its retransmission; it is end to end, not a transaction.
    private void OnAckFor2xx(SipMessage ack)
    {
        var call = FindDialog(ack);
        if (call is null || call.PendingOk is null || ack.CSeq.Number != call.PendingOkCSeq)
        {
            return;
        }
        call.StopTimers();
        if (call.State == SipCallState.Answered)
        {
            call.SetState(SipCallState.Confirmed);
            Log(SipLogLevel.Info, $"{call} confirmed (ACK)");
        }
    }

    private SipCall? FindDialog(SipMessage request)
    {
        string key = Encoding.UTF8.GetString(request.CallId) + "|" + Encoding.UTF8.GetString(request.To.Tag);
        return _calls.TryGetValue(key, out var call) ? call : null;
    }

    private int ActiveCalls => _calls.Count;
}
