using PagingServer.Sip.Headers;
using PagingServer.Sip.Text;

namespace PagingServer.Sip.Message;

// Syntax checks of the headers this stack interprets. Presence and semantics (missing Call-ID,
// duplicate To, unknown method, ...) are decided above, in Validation/UasRequestCheck.
public sealed partial class SipMessage
{
    private SipParseResult Validate()
    {
        for (int i = 0; i < _headerCount; i++)
        {
            var v = HeaderValue(i);
            bool ok = _headers[i].Id switch
            {
                SipHeaderId.Via => ViaHeader.TryParse(v, out _),
                SipHeaderId.From or SipHeaderId.To => NameAddress.TryParse(v, out _),
                SipHeaderId.Contact => NameAddress.TryParse(v, out _, allowWildcard: true),
                // rec-route / route = name-addr *( SEMI rr-param ): brackets mandatory.
                SipHeaderId.Route or SipHeaderId.RecordRoute => NameAddress.TryParse(v, out var na) && na.Bracketed,
                SipHeaderId.CSeq => CSeqHeader.TryParse(v, out _),
                SipHeaderId.CallId => !v.IsEmpty && v.IndexOfAny((byte)' ', (byte)'\t') < 0,
                SipHeaderId.MaxForwards or SipHeaderId.Expires => IsDigits(v),
                SipHeaderId.ContentType => IsMediaType(v),
                SipHeaderId.Require or SipHeaderId.ProxyRequire or SipHeaderId.Supported
                    or SipHeaderId.Unsupported or SipHeaderId.Allow => v.IsEmpty || SipChars.IsAllToken(v),
                // RFC 3261 20.17: rfc1123-date, and only "GMT" is a valid zone (RFC 4475 3.1.2.12).
                SipHeaderId.Date => v.EndsWith(" GMT"u8),
                _ => true,
            };
            if (!ok)
            {
                return SipParseResult.Fail(SipParseStatus.Malformed, Describe(_headers[i].Id), _headers[i].NameStart);
            }
        }
        return SipParseResult.Success;
    }

    private static string Describe(SipHeaderId id) => id switch
    {
        SipHeaderId.Via => "malformed Via",
        SipHeaderId.From => "malformed From",
        SipHeaderId.To => "malformed To",
        SipHeaderId.Contact => "malformed Contact",
        SipHeaderId.Route or SipHeaderId.RecordRoute => "malformed Route/Record-Route",
        SipHeaderId.CSeq => "malformed CSeq",
        SipHeaderId.CallId => "malformed Call-ID",
        SipHeaderId.Date => "malformed Date",
        SipHeaderId.ContentType => "malformed Content-Type",
        _ => "malformed header value",
    };

    private static bool IsDigits(ReadOnlySpan<byte> v)
    {
        foreach (byte c in v)
        {
            if (!SipChars.IsDigit(c))
            {
                return false;
            }
        }
        return !v.IsEmpty;
    }

    // media-type = m-type SLASH m-subtype *(SEMI m-parameter) (RFC 3261 20.15, 25.1)
    private static bool IsMediaType(ReadOnlySpan<byte> v)
    {
        int semi = v.IndexOf((byte)';');
        var type = semi >= 0 ? v[..semi] : v;
        int slash = type.IndexOf((byte)'/');
        return slash > 0
            && SipChars.IsAllToken(SipChars.Trim(type[..slash]))
            && SipChars.IsAllToken(SipChars.Trim(type[(slash + 1)..]))
            && (semi < 0 || SipParameterReader.Validate(v[semi..]));
    }
}
