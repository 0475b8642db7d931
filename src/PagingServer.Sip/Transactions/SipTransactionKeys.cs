using System.Globalization;
using System.Text;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;

namespace PagingServer.Sip.Transactions;

/// <summary>Transaction matching keys (RFC 3261 17.1.3 for responses, 17.2.3 for requests).</summary>
public static class SipTransactionKeys
{
    /// <summary>Client key: top Via branch and CSeq method of a response (or of our request).</summary>
    public static string Client(SipMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Client(message.Via().Branch, message.CSeq.Method);
    }

    /// <summary>Client key from a branch and a method name.</summary>
    public static string Client(ReadOnlySpan<byte> branch, ReadOnlySpan<byte> method) =>
        Encoding.UTF8.GetString(branch) + "|" + Encoding.UTF8.GetString(method);

    /// <summary>
    /// Server key: branch, sent-by and method, with ACK mapped to INVITE so the ACK of a non-2xx
    /// final finds its INVITE (17.2.3). <paramref name="methodOverride"/> looks up another method
    /// with the same branch (CANCEL looking for its INVITE, 9.2). Requests without the magic
    /// cookie (RFC 2543) are keyed by Call-ID, CSeq number, From tag and top Via (17.2.3).
    /// </summary>
    public static string Server(SipMessage request, SipMethod? methodOverride = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var via = request.Via();
        var method = methodOverride ?? (request.MethodId == SipMethod.Ack ? SipMethod.Invite : request.MethodId);
        string methodName = method == SipMethod.Unknown ? Encoding.UTF8.GetString(request.Method) : Encoding.UTF8.GetString(SipMethods.Name(method));
        var branch = via.Branch;
        if (branch.StartsWith(ViaHeader.MagicCookie))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{Encoding.UTF8.GetString(branch)}|{Encoding.UTF8.GetString(via.Host)}:{via.Port}|{methodName}");
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"2543|{Encoding.UTF8.GetString(request.CallId)}|{request.CSeq.Number}|{Encoding.UTF8.GetString(request.From.Tag)}|{Encoding.UTF8.GetString(request.Get(SipHeaderId.Via))}|{methodName}");
    }
}
