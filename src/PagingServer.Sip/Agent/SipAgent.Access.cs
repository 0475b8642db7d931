using System.Net;
using System.Text;
using PagingServer.Sip.Auth;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Transactions;
using PagingServer.Sip.Writer;

namespace PagingServer.Sip;

// Caller access control: allowed sources pass; others get 403 (logged at most once a minute per
// source) or, with invite-auth, a digest challenge (RFC 3261 22.1).
public sealed partial class SipAgent
{
    private static readonly TimeSpan RefusalLogInterval = TimeSpan.FromMinutes(1);
    private readonly Dictionary<IPAddress, DateTimeOffset> _lastRefusalLog = [];
    private InviteAuthenticator? _inviteAuth;

    private bool Admit(InviteServerTransaction tx, IPEndPoint source)
    {
        if (_access.Allows(source.Address))
        {
            return true;
        }
        if (Options.InviteAuth && Options.User.Length > 0 && Options.Password.Length > 0)
        {
            _inviteAuth ??= new InviteAuthenticator(Options.Domain.Length > 0 ? Options.Domain : "paging", Options.User, Options.Password, Loop.Time);
            var verdict = _inviteAuth.Check(tx.Request);
            if (verdict == InviteAuthVerdict.Accepted)
            {
                return true;
            }
            byte[] realm = _inviteAuth.Realm;
            byte[] nonce = Encoding.ASCII.GetBytes(_inviteAuth.NewNonce());
            bool stale = verdict == InviteAuthVerdict.Stale;
            Layer.Respond(tx, 401, "Unauthorized", SipIds.NewTag(), (ref SipWriter w) =>
                DigestChallengeWriter.Write(ref w, SipHeaderId.WwwAuthenticate, realm, nonce, DigestAlgorithm.Md5, default, stale));
            return false;
        }
        var now = Loop.Time.GetUtcNow();
        var key = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        if (!_lastRefusalLog.TryGetValue(key, out var last) || now - last >= RefusalLogInterval)
        {
            if (_lastRefusalLog.Count > 4096)
            {
                _lastRefusalLog.Clear(); // bounded under a scan from many sources
            }
            _lastRefusalLog[key] = now;
            Log(SipLogLevel.Warning, $"INVITE from {source} refused (403): not in allow-from, not the registrar or proxy");
        }
        Layer.Respond(tx, 403, "Forbidden", SipIds.NewTag());
        return false;
    }
}
