using System.Text;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;
using PagingServer.Sip.Transactions;

namespace PagingServer.Sip;

// Dialog state of the UAS side (RFC 3261 12.1.1): tags, route set, remote target, CSeq.
public sealed partial class SipCall
{
    /// <summary>Our tag (To tag of our responses).</summary>
    internal string LocalTag { get; } = SipIds.NewTag();

    internal string RemoteTag { get; private set; } = "";

    /// <summary>The INVITE's From value: To of our requests.</summary>
    internal string RemoteParty { get; private set; } = "";

    /// <summary>The INVITE's To value (without tag): From of our requests, with our tag added.</summary>
    internal string LocalParty { get; private set; } = "";

    /// <summary>Contact URI of the caller: Request-URI of our requests (12.1.1).</summary>
    internal string RemoteTarget { get; set; } = "";

    /// <summary>Record-Route values in order (12.1.1: the UAS keeps them as received).</summary>
    internal List<string> RouteSet { get; } = [];

    internal uint LocalCSeq { get; set; } = (uint)Random.Shared.Next(1, 10000);

    internal uint RemoteCSeq { get; set; }

    /// <summary>Dialog key: Call-ID and our tag.</summary>
    internal string DialogKey => CallId + "|" + LocalTag;

    /// <summary>The 2xx we retransmit until its ACK (13.3.1.4), and the CSeq it answers.</summary>
    internal byte[]? PendingOk { get; set; }

    internal uint PendingOkCSeq { get; set; }

    internal InviteServerTransaction? PendingOkTransaction { get; set; }

    internal SipTimer? OkRetransmit { get; set; }

    internal SipTimer? AckTimeout { get; set; }

    internal SipTimer? RingRefresh { get; set; }

    internal TimeSpan OkInterval { get; set; }

    internal ulong SdpSessionId { get; } = (ulong)Random.Shared.NextInt64(1, long.MaxValue);

    internal ulong SdpVersion { get; set; } = 1;

    private void InitDialog(SipMessage invite)
    {
        CallId = Encoding.UTF8.GetString(invite.CallId);
        var from = invite.From;
        RemoteTag = Encoding.UTF8.GetString(from.Tag);
        Caller = Encoding.UTF8.GetString(from.UriText);
        Span<byte> name = stackalloc byte[256];
        int n = from.DisplayName.IsEmpty ? 0 : from.DecodeDisplayName(name);
        CallerName = Encoding.UTF8.GetString(name[..Math.Clamp(n, 0, name.Length)]);
        RemoteParty = Encoding.UTF8.GetString(invite.Get(SipHeaderId.From));
        LocalParty = Encoding.UTF8.GetString(invite.Get(SipHeaderId.To));
        RemoteTarget = Encoding.UTF8.GetString(invite.Contact().UriText);
        RemoteCSeq = invite.CSeq.Number;
        for (int i = 0; i < invite.Count(SipHeaderId.RecordRoute); i++)
        {
            AddRoutes(invite.Get(SipHeaderId.RecordRoute, i));
        }
    }

    // One Record-Route line may hold several comma-separated name-addrs (RFC 3261 7.3.1).
    private void AddRoutes(ReadOnlySpan<byte> value)
    {
        while (!value.IsEmpty)
        {
            int comma = Text.SipChars.IndexOfUnquoted(value, (byte)',');
            var item = Text.SipChars.Trim(comma >= 0 ? value[..comma] : value);
            if (!item.IsEmpty)
            {
                RouteSet.Add(Encoding.UTF8.GetString(item));
            }
            value = comma >= 0 ? value[(comma + 1)..] : default;
        }
    }

    internal void StopTimers()
    {
        RingRefresh?.Dispose();
        RingRefresh = null;
        OkRetransmit?.Dispose();
        OkRetransmit = null;
        AckTimeout?.Dispose();
        AckTimeout = null;
        PendingOk = null;
        PendingOkTransaction = null;
    }
}
