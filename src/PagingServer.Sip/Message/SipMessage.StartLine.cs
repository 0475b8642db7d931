using PagingServer.Sip.Text;
using PagingServer.Sip.Uri;

namespace PagingServer.Sip.Message;

// Request-Line = Method SP Request-URI SP SIP-Version CRLF
// Status-Line  = SIP-Version SP Status-Code SP Reason-Phrase CRLF   (RFC 3261 7.1, 7.2, 25.1)
public sealed partial class SipMessage
{
    private SipParseResult ParseStartLine(int lineEnd)
    {
        var line = _buffer.AsSpan(0, lineEnd);
        if (line.StartsWith("SIP/"u8))
        {
            return ParseStatusLine(line);
        }
        IsRequest = true;
        // Exactly one SP between elements: RFC 4475 3.1.2.9 and 3.1.2.10 are rejected, not repaired.
        int sp1 = line.IndexOf((byte)' ');
        if (sp1 <= 0 || !SipChars.IsAllToken(line[..sp1]))
        {
            return SipParseResult.Fail(SipParseStatus.Malformed, "bad method", 0);
        }
        _methodStart = 0;
        _methodLength = sp1;
        MethodId = SipMethods.Identify(line[..sp1]);
        int sp2 = line[(sp1 + 1)..].IndexOf((byte)' ');
        if (sp2 <= 0)
        {
            return SipParseResult.Fail(SipParseStatus.Malformed, "bad Request-Line spacing", sp1 + 1);
        }
        sp2 += sp1 + 1;
        _uriStart = sp1 + 1;
        _uriLength = sp2 - _uriStart;
        var version = line[(sp2 + 1)..];
        var vr = CheckVersion(version, sp2 + 1);
        if (!vr.IsOk)
        {
            return vr;
        }
        // RFC 4475 3.1.2.7: "<sip:...>" fails here because '<' is not a URI character.
        if (!SipUri.TryParse(RequestUriText, out var uri))
        {
            return SipParseResult.Fail(SipParseStatus.Malformed, "bad Request-URI", _uriStart);
        }
        // RFC 3261 19.1.1 table: headers are not allowed in a Request-URI (RFC 4475 3.1.2.11).
        if (uri.IsSip && !uri.Headers.IsEmpty)
        {
            return SipParseResult.Fail(SipParseStatus.Malformed, "headers in Request-URI", _uriStart);
        }
        return SipParseResult.Success;
    }

    private SipParseResult ParseStatusLine(ReadOnlySpan<byte> line)
    {
        int sp1 = line.IndexOf((byte)' ');
        if (sp1 < 0)
        {
            return SipParseResult.Fail(SipParseStatus.Malformed, "bad Status-Line", 0);
        }
        var vr = CheckVersion(line[..sp1], 0);
        if (!vr.IsOk)
        {
            return vr;
        }
        var rest = line[(sp1 + 1)..];
        int codeLength = 0;
        while (codeLength < rest.Length && SipChars.IsDigit(rest[codeLength]))
        {
            codeLength++;
        }
        // RFC 3261 7.2 / 21: Status-Code = 3DIGIT, 100-699 (RFC 4475 3.1.2.19).
        if (codeLength != 3 || !SipChars.TryParseInt(rest[..3], 699, out int code) || code < 100)
        {
            return SipParseResult.Fail(SipParseStatus.Malformed, "bad Status-Code", sp1 + 1);
        }
        if (codeLength < rest.Length && rest[codeLength] != ' ')
        {
            return SipParseResult.Fail(SipParseStatus.Malformed, "bad Status-Line spacing", sp1 + 4);
        }
        StatusCode = code;
        // Reason-Phrase may be empty (RFC 4475 3.1.1.13) and UTF-8 (3.1.1.12).
        _reasonStart = Math.Min(sp1 + 5, line.Length);
        _reasonLength = line.Length - _reasonStart;
        return SipParseResult.Success;
    }

    private static SipParseResult CheckVersion(ReadOnlySpan<byte> version, int offset)
    {
        // SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT, case-insensitive (RFC 3261 7.1).
        if (SipChars.EqualsIgnoreCase(version, "SIP/2.0"u8))
        {
            return SipParseResult.Success;
        }
        if (version.Length > 4 && SipChars.EqualsIgnoreCase(version[..4], "SIP/"u8))
        {
            var num = version[4..];
            int dot = num.IndexOf((byte)'.');
            if (dot > 0 && SipChars.TryParseInt(num[..dot], 999, out _) && SipChars.TryParseInt(num[(dot + 1)..], 999, out _))
            {
                return SipParseResult.Fail(SipParseStatus.VersionNotSupported, "unsupported SIP version", offset);
            }
        }
        return SipParseResult.Fail(SipParseStatus.Malformed, "bad SIP-Version", offset);
    }
}
