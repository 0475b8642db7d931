using System.Globalization;
using System.Net;
using System.Text;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Transactions;
using PagingServer.Sip.Transport;
using PagingServer.Sip.Writer;

namespace PagingServer.Sip;

// Requests inside a dialog (RFC 3261 12.2.1): BYE from us; addresses we put in Via and Contact.
public sealed partial class SipAgent
{
    private readonly Dictionary<IPAddress, IPAddress> _localAddressCache = [];

    internal void HangupCall(SipCall call, SipCallEndReason reason)
    {
        switch (call.State)
        {
            case SipCallState.Ringing:
                if (!call.Invite.HasFinalResponse)
                {
                    int code = reason == SipCallEndReason.Shutdown ? 503 : 480;
                    Layer.Respond(call.Invite, code, SipTransactionLayer.Reason(code), call.LocalTag);
                }
                RaiseEnded(call, reason);
                break;
            case SipCallState.Answered or SipCallState.Confirmed:
                call.StopTimers();
                SendBye(call);
                RaiseEnded(call, reason);
                break;
            default:
                break;
        }
    }

    // 12.2.1.1: Request-URI is the remote target, Route the route set; a strict router (no lr)
    // in front moves into the Request-URI and the remote target goes last.
    internal void SendBye(SipCall call)
    {
        string requestUri = call.RemoteTarget.Length > 0 ? call.RemoteTarget : call.Caller;
        var routes = new List<string>(call.RouteSet);
        if (routes.Count > 0 && !routes[0].Contains(";lr", StringComparison.OrdinalIgnoreCase))
        {
            string strict = routes[0];
            routes.RemoveAt(0);
            routes.Add("<" + requestUri + ">");
            requestUri = NameAddress.TryParse(Encoding.UTF8.GetBytes(strict), out var na) ? Encoding.UTF8.GetString(na.UriText) : requestUri;
        }
        IPEndPoint? destination = OutboundProxy;
        if (destination is not null && routes.Count == 0)
        {
            // RFC 3261 8.1.2: the outbound proxy as a pre-existing loose route.
            routes.Add(string.Create(CultureInfo.InvariantCulture, $"<sip:{SipAddressing.UriHost(destination.Address)}:{destination.Port};lr>"));
        }
        if (destination is null && routes.Count > 0 && NameAddress.TryParse(Encoding.UTF8.GetBytes(routes[0]), out var first))
        {
            destination = SipAddressing.ForUri(first.UriText, Log);
        }
        destination ??= SipAddressing.ForUri(Encoding.UTF8.GetBytes(requestUri), Log) ?? call.Source;
        call.LocalCSeq++;
        var via = ViaFor(destination.Address);
        byte[] buffer = new byte[4096];
        var w = new SipWriter(buffer);
        w.RequestLine("BYE"u8, Encoding.UTF8.GetBytes(requestUri));
        w.Header(SipHeaderId.Via, via);
        w.Header(SipHeaderId.MaxForwards, 70);
        foreach (string r in routes)
        {
            w.Header(SipHeaderId.Route, r);
        }
        w.Header(SipHeaderId.From, call.LocalParty + ";tag=" + call.LocalTag);
        w.Header(SipHeaderId.To, call.RemoteParty);
        w.Header(SipHeaderId.CallId, call.CallId);
        w.Header(SipHeaderId.CSeq, call.LocalCSeq.ToString(CultureInfo.InvariantCulture) + " BYE");
        w.Header(SipHeaderId.UserAgent, Options.UserAgent);
        int n = w.Finish(default);
        if (n < 0)
        {
            return;
        }
        var name = call.ToString();
        Layer.SendRequest(buffer.AsSpan(0, n).ToArray(), destination,
            r => { if (r.StatusCode >= 200) { Log(SipLogLevel.Trace, $"{name}: BYE answered {r.StatusCode}"); } },
            () => Log(SipLogLevel.Warning, $"{name}: BYE got no answer"));
    }

    internal IPAddress LocalAddressFor(IPAddress remote)
    {
        var key = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        if (!_localAddressCache.TryGetValue(key, out var local))
        {
            local = SipAddressing.LocalAddressFor(Options.BindAddress, key);
            if (_localAddressCache.Count > 256)
            {
                _localAddressCache.Clear();
            }
            _localAddressCache[key] = local;
        }
        return local;
    }

    /// <summary>Our Via with a new branch and rport (RFC 3581 3), sent-by from the bound address.</summary>
    internal string ViaFor(IPAddress remote) =>
        string.Create(CultureInfo.InvariantCulture,
            $"SIP/2.0/{SipTransportKinds.ViaName(Options.Transport)} {SipAddressing.UriHost(LocalAddressFor(remote))}:{LocalEndPoint.Port};branch={SipIds.NewBranch()};rport");

    /// <summary>Our Contact as seen from <paramref name="remote"/>.</summary>
    internal string ContactFor(IPAddress remote) => ContactFor(remote, Options.User);

    /// <summary>Our Contact for a given user part: a registration keeps the one it registered,
    /// since its un-REGISTER must name the same contact to remove the binding (RFC 3261 10.2.2).</summary>
    internal string ContactFor(IPAddress remote, string userPart)
    {
        string user = userPart.Length > 0 ? userPart + "@" : "";
        string transport = Options.Transport == SipTransportKind.Tcp ? ";transport=tcp" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"<sip:{user}{SipAddressing.UriHost(LocalAddressFor(remote))}:{LocalEndPoint.Port}{transport}>");
    }
}
