using System.Globalization;
using System.Net;
using System.Text;
using PagingServer.Sip.Auth;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;
using PagingServer.Sip.Transactions;
using PagingServer.Sip.Writer;

namespace PagingServer.Sip;

// REGISTER building and the digest client side (RFC 3261 22.2, RFC 7616, RFC 8760).
internal sealed partial class SipRegistration
{
    private byte[]? _challenge;
    private SipHeaderId _authorizationHeader = SipHeaderId.Authorization;
    private uint _nonceCount;
    private string _cnonce = SipIds.NewNonce();
    private bool _answeredFreshChallenge;

    private void BeginAttempt()
    {
        _answeredFreshChallenge = false;
        _intervalTooBrief = 0;
    }

    // Keeps a new challenge. A second challenge right after we answered a fresh one means the
    // password is wrong, unless it says stale=true (RFC 7616 3.3: only the nonce expired).
    private bool TakeChallenge(SipMessage response, out string problem)
    {
        problem = "";
        var header = response.StatusCode == 407 ? SipHeaderId.ProxyAuthenticate : SipHeaderId.WwwAuthenticate;
        if (!response.TryGet(header, out var value) || !DigestChallenge.TryParse(value, out var challenge))
        {
            problem = $"{response.StatusCode} without a Digest challenge we can answer";
            return false;
        }
        if (_answeredFreshChallenge && !challenge.Stale)
        {
            _challenge = null;
            problem = $"{response.StatusCode} after credentials: wrong user or password";
            return false;
        }
        if (!challenge.OffersQopAuth && !challenge.QopOptions.IsEmpty)
        {
            problem = "the registrar only offers qop=auth-int, which is not supported";
            return false;
        }
        _challenge = value.ToArray();
        _authorizationHeader = response.StatusCode == 407 ? SipHeaderId.ProxyAuthorization : SipHeaderId.Authorization;
        _nonceCount = 0;
        _cnonce = SipIds.NewNonce();
        _answeredFreshChallenge = true;
        return true;
    }

    private byte[] BuildRegister(IPEndPoint destination, int expires)
    {
        var inv = CultureInfo.InvariantCulture;
        byte[] buffer = new byte[4096];
        var w = new SipWriter(buffer);
        w.RequestLine("REGISTER"u8, Encoding.UTF8.GetBytes(RequestUri));
        w.Header(SipHeaderId.Via, _agent.ViaFor(destination.Address));
        w.Header(SipHeaderId.MaxForwards, 70);
        if (_proxy is { } proxy)
        {
            // Loose routing through the outbound proxy (RFC 3261 8.1.2, 16.12).
            w.Header(SipHeaderId.Route, string.Create(inv, $"<sip:{SipAddressing.UriHost(proxy.Address)}:{proxy.Port};lr>"));
        }
        w.Header(SipHeaderId.From, $"<{AddressOfRecord}>;tag={_fromTag}");
        w.Header(SipHeaderId.To, $"<{AddressOfRecord}>");
        w.Header(SipHeaderId.CallId, _callId);
        w.Header(SipHeaderId.CSeq, string.Create(inv, $"{_cseq} REGISTER"));
        w.Header(SipHeaderId.Contact, _agent.ContactFor(destination.Address, Options.User));
        w.Header(SipHeaderId.Expires, (ulong)expires);
        w.Header(SipHeaderId.UserAgent, Options.UserAgent);
        if (_challenge is not null && DigestChallenge.TryParse(_challenge, out var challenge))
        {
            // Nonce counting (RFC 7616 3.4): each request with the same nonce counts up.
            _nonceCount++;
            DigestAuthorizationWriter.Write(ref w, _authorizationHeader, challenge, Encoding.UTF8.GetBytes(Options.User),
                Encoding.UTF8.GetBytes(Options.Password), "REGISTER"u8, Encoding.UTF8.GetBytes(RequestUri),
                Encoding.ASCII.GetBytes(_cnonce), _nonceCount);
        }
        int n = w.Finish(default);
        return buffer.AsSpan(0, Math.Max(n, 0)).ToArray();
    }
}
