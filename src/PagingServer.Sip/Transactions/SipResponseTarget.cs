using System.Net;
using PagingServer.Sip.Message;

namespace PagingServer.Sip.Transactions;

/// <summary>Where responses to a request go (RFC 3261 18.2.2, RFC 3581 4).</summary>
public static class SipResponseTarget
{
    /// <summary>
    /// Reliable transports answer on the connection the request came from (its source). On UDP
    /// the address is the source address (that is what received holds), and the port is the
    /// source port when the client asked for rport (RFC 3581 4), else the sent-by port or 5060.
    /// </summary>
    public static IPEndPoint For(SipMessage request, IPEndPoint source, bool reliable)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(source);
        if (reliable)
        {
            return source;
        }
        var via = request.Via();
        if (via.HasRport)
        {
            return source;
        }
        int port = via.Port > 0 ? via.Port : 5060;
        // An explicit received naming another address than the packet's source is not ours to trust.
        return port == source.Port ? source : new IPEndPoint(source.Address, port);
    }
}
