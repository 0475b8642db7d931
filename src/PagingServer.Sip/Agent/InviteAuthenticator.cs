using System.Text;
using PagingServer.Sip.Auth;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;
using PagingServer.Sip.Transactions;

namespace PagingServer.Sip;

/// <summary>Outcome of checking an INVITE's credentials.</summary>
internal enum InviteAuthVerdict : byte
{
    /// <summary>Credentials are valid for our user and a nonce we issued.</summary>
    Accepted,
    /// <summary>No or wrong credentials: challenge (401).</summary>
    Challenge,
    /// <summary>Right password but an old nonce: challenge with stale=true (RFC 7616 3.3).</summary>
    Stale,
}

/// <summary>
/// Digest authentication of INVITEs for direct calls from phones (invite-auth): we issue nonces,
/// remember them for <see cref="NonceLifetime"/>, and verify with <see cref="DigestVerifier"/>.
/// </summary>
internal sealed class InviteAuthenticator(string realm, string user, string password, TimeProvider time)
{
    private static readonly TimeSpan NonceLifetime = TimeSpan.FromMinutes(5);
    private readonly Dictionary<string, DateTimeOffset> _nonces = new(StringComparer.Ordinal);
    private readonly byte[] _realm = Encoding.UTF8.GetBytes(realm);
    private readonly byte[] _user = Encoding.UTF8.GetBytes(user);
    private readonly byte[] _password = Encoding.UTF8.GetBytes(password);

    public byte[] Realm => _realm;

    public InviteAuthVerdict Check(SipMessage request)
    {
        if (!request.TryGet(SipHeaderId.Authorization, out var value) || !DigestCredentials.TryParse(value, out var credentials)
            || !credentials.Username.SequenceEqual(_user))
        {
            return InviteAuthVerdict.Challenge;
        }
        if (DigestVerifier.Verify(credentials, request.Method, _realm, _password) != DigestVerification.Valid)
        {
            return InviteAuthVerdict.Challenge;
        }
        string nonce = Encoding.UTF8.GetString(credentials.Nonce);
        return _nonces.TryGetValue(nonce, out var issued) && time.GetUtcNow() - issued < NonceLifetime
            ? InviteAuthVerdict.Accepted
            : InviteAuthVerdict.Stale;
    }

    public string NewNonce()
    {
        var now = time.GetUtcNow();
        if (_nonces.Count > 1024)
        {
            foreach (var (n, at) in _nonces.ToArray())
            {
                if (now - at >= NonceLifetime)
                {
                    _nonces.Remove(n);
                }
            }
        }
        string nonce = SipIds.NewNonce();
        _nonces[nonce] = now;
        return nonce;
    }
}
