using PagingServer.Sip.Headers;
using PagingServer.Sip.Text;

namespace PagingServer.Sip.Message;

// Typed views of the common headers; each is parsed on demand over the stored bytes (no allocation).
public sealed partial class SipMessage
{
    /// <summary>Via value <paramref name="index"/> (0 = topmost, RFC 3261 8.1.1.7).</summary>
    public ViaHeader Via(int index = 0) => ViaHeader.TryParse(Get(SipHeaderId.Via, index), out var v) ? v : default;

    /// <summary>The From header (RFC 3261 20.20).</summary>
    public NameAddress From => NameAddress.TryParse(Get(SipHeaderId.From), out var v) ? v : default;

    /// <summary>The To header (RFC 3261 20.39).</summary>
    public NameAddress To => NameAddress.TryParse(Get(SipHeaderId.To), out var v) ? v : default;

    /// <summary>Contact value <paramref name="index"/> (RFC 3261 20.10).</summary>
    public NameAddress Contact(int index = 0) =>
        NameAddress.TryParse(Get(SipHeaderId.Contact, index), out var v, allowWildcard: true) ? v : default;

    /// <summary>Route value <paramref name="index"/> (RFC 3261 20.34).</summary>
    public NameAddress Route(int index = 0) => NameAddress.TryParse(Get(SipHeaderId.Route, index), out var v) ? v : default;

    /// <summary>Record-Route value <paramref name="index"/> (RFC 3261 20.30).</summary>
    public NameAddress RecordRoute(int index = 0) =>
        NameAddress.TryParse(Get(SipHeaderId.RecordRoute, index), out var v) ? v : default;

    /// <summary>The CSeq header (RFC 3261 20.16).</summary>
    public CSeqHeader CSeq => CSeqHeader.TryParse(Get(SipHeaderId.CSeq), out var v) ? v : default;

    /// <summary>The Call-ID (RFC 3261 20.8).</summary>
    public ReadOnlySpan<byte> CallId => Get(SipHeaderId.CallId);

    /// <summary>Max-Forwards 0-255, or -1 when absent or out of range (RFC 4475 3.1.2.4 allows treating an overlarge value as absent).</summary>
    public int MaxForwards => TryGet(SipHeaderId.MaxForwards, out var v) && SipChars.TryParseInt(v, 255, out int n) ? n : -1;

    /// <summary>Content-Length, or -1 when absent.</summary>
    public int ContentLength => TryGet(SipHeaderId.ContentLength, out var v) && SipChars.TryParseInt(v, MaxMessageBytes, out int n) ? n : -1;

    /// <summary>The media type of Content-Type without parameters ("application/sdp"), empty when absent.</summary>
    public ReadOnlySpan<byte> ContentType
    {
        get
        {
            var v = Get(SipHeaderId.ContentType);
            int semi = v.IndexOf((byte)';');
            return SipChars.Trim(semi >= 0 ? v[..semi] : v);
        }
    }

    /// <summary>Expires in seconds; false when absent or not a number, and values above 2^32-1 read as absent (RFC 3261 20.19, RFC 4475 3.1.2.4).</summary>
    public bool TryGetExpires(out uint seconds)
    {
        seconds = 0;
        if (!TryGet(SipHeaderId.Expires, out var v) || !SipChars.TryParseUInt64(v, uint.MaxValue, out ulong n))
        {
            return false;
        }
        seconds = (uint)n;
        return true;
    }

    /// <summary>Retry-After in seconds (RFC 3261 20.33), ignoring comment and parameters.</summary>
    public bool TryGetRetryAfter(out uint seconds)
    {
        seconds = 0;
        var v = Get(SipHeaderId.RetryAfter);
        int i = 0;
        while (i < v.Length && SipChars.IsDigit(v[i]))
        {
            i++;
        }
        if (!SipChars.TryParseUInt64(v[..i], uint.MaxValue, out ulong n))
        {
            return false;
        }
        seconds = (uint)n;
        return true;
    }

    /// <summary>True when a list header (Require, Supported, Allow, ...) contains <paramref name="token"/>, case-insensitively.</summary>
    public bool ListContains(SipHeaderId id, ReadOnlySpan<byte> token)
    {
        for (int i = 0; i < _headerCount; i++)
        {
            if (_headers[i].Id == id && SipChars.EqualsIgnoreCase(HeaderValue(i), token))
            {
                return true;
            }
        }
        return false;
    }
}
