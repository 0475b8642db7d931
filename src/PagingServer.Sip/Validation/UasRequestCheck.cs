using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;
using PagingServer.Sip.Text;

namespace PagingServer.Sip.Validation;

/// <summary>
/// The checks a UAS makes on a parsed request before acting on it, in RFC 3261 8.2 order:
/// well-formedness above the parser (8.1.1), method (8.2.1), headers (8.2.2), content (8.2.3).
/// Pure: reads the message and the capabilities, returns the response code.
/// </summary>
public static class UasRequestCheck
{
    /// <summary>Decides whether <paramref name="request"/> may be processed, or which final response it gets.</summary>
    public static UasCheckResult Check(SipMessage request, UasCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(capabilities);
        var wellFormed = CheckMandatoryHeaders(request);
        if (!wellFormed.IsOk)
        {
            return wellFormed;
        }
        // 8.2.1: unknown method -> 501; known but not offered -> 405 (with Allow).
        if (request.MethodId == SipMethod.Unknown)
        {
            return new UasCheckResult(501, "Not Implemented");
        }
        if (!IsAllowed(capabilities.AllowedMethods, request.MethodId))
        {
            return new UasCheckResult(405, "Method Not Allowed");
        }
        // RFC 4475 3.1.2.17: the CSeq method must match the Request-Line (RFC 3261 8.1.1.5).
        if (!request.CSeq.Method.SequenceEqual(request.Method))
        {
            return new UasCheckResult(400, "CSeq Method Mismatch");
        }
        // 8.2.2.1: Request-URI scheme.
        if (!ContainsIgnoreCase(capabilities.UriSchemes, request.RequestUri.Scheme))
        {
            return new UasCheckResult(416, "Unsupported URI Scheme");
        }
        // 8.2.2.3: Require (not applied to ACK and CANCEL).
        if (request.MethodId is not (SipMethod.Ack or SipMethod.Cancel) && FirstUnsupportedRequire(request, capabilities) >= 0)
        {
            return new UasCheckResult(420, "Bad Extension");
        }
        // 8.2.3: content type and encoding of a body.
        if (request.Body.Length > 0 || request.Count(SipHeaderId.ContentType) > 0)
        {
            if (!ContainsIgnoreCase(capabilities.AcceptedContentTypes, request.ContentType)
                || request.Count(SipHeaderId.ContentEncoding) > 0)
            {
                return new UasCheckResult(415, "Unsupported Media Type");
            }
        }
        // RFC 3261 21.4.7 / RFC 4475 3.3.15: an INVITE whose Accept excludes our answer type.
        if (request.MethodId == SipMethod.Invite && request.Count(SipHeaderId.Accept) > 0 && !AcceptsSdp(request))
        {
            return new UasCheckResult(406, "Not Acceptable");
        }
        return UasCheckResult.Ok;
    }

    /// <summary>Index (in <see cref="SipMessage.HeaderValue"/> numbering) of the first Require value not supported, or -1; a 420 lists each such tag in Unsupported.</summary>
    public static int FirstUnsupportedRequire(SipMessage request, UasCapabilities capabilities, int startIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(capabilities);
        for (int i = startIndex; i < request.HeaderCount; i++)
        {
            if (request.HeaderId(i) == SipHeaderId.Require && !ContainsIgnoreCase(capabilities.SupportedOptionTags, request.HeaderValue(i)))
            {
                return i;
            }
        }
        return -1;
    }

    private static UasCheckResult CheckMandatoryHeaders(SipMessage request)
    {
        // RFC 3261 8.1.1: To, From, CSeq, Call-ID and Via are required (Max-Forwards too, but
        // RFC 2543 peers omit it and RFC 4475 3.4.1 asks to accept them).
        if (request.Count(SipHeaderId.To) != 1 || request.Count(SipHeaderId.From) != 1
            || request.Count(SipHeaderId.CallId) != 1 || request.Count(SipHeaderId.CSeq) != 1
            || request.Count(SipHeaderId.MaxForwards) > 1 || request.Count(SipHeaderId.ContentType) > 1)
        {
            // Missing (RFC 4475 3.3.1) or repeated single-valued fields (RFC 4475 3.3.8).
            return new UasCheckResult(400, "Missing or Repeated Header Field");
        }
        if (request.Count(SipHeaderId.Via) == 0)
        {
            return new UasCheckResult(400, "Missing Via");
        }
        // RFC 3261 8.1.1.7: a branch that is only the magic cookie identifies nothing (RFC 4475 3.2.1).
        if (request.Via().Branch.SequenceEqual(ViaHeader.MagicCookie))
        {
            return new UasCheckResult(400, "Missing Transaction Identifier");
        }
        return UasCheckResult.Ok;
    }

    private static bool IsAllowed(IReadOnlyList<SipMethod> methods, SipMethod method)
    {
        for (int i = 0; i < methods.Count; i++)
        {
            if (methods[i] == method)
            {
                return true;
            }
        }
        return false;
    }

    private static bool AcceptsSdp(SipMessage request)
    {
        for (int i = 0; i < request.HeaderCount; i++)
        {
            if (request.HeaderId(i) != SipHeaderId.Accept)
            {
                continue;
            }
            var v = request.HeaderValue(i);
            int semi = v.IndexOf((byte)';');
            var range = SipChars.Trim(semi >= 0 ? v[..semi] : v);
            if (SipChars.EqualsIgnoreCase(range, "application/sdp"u8) || SipChars.EqualsIgnoreCase(range, "application/*"u8)
                || SipChars.EqualsIgnoreCase(range, "*/*"u8))
            {
                return true;
            }
        }
        return false;
    }

    private static bool ContainsIgnoreCase(IReadOnlyList<string> list, ReadOnlySpan<byte> value)
    {
        Span<char> chars = stackalloc char[64];
        if (value.Length > chars.Length)
        {
            return false;
        }
        for (int i = 0; i < value.Length; i++)
        {
            chars[i] = (char)value[i];
        }
        var s = chars[..value.Length];
        // Indexed loop: foreach over an IReadOnlyList allocates an enumerator.
        for (int i = 0; i < list.Count; i++)
        {
            if (s.Equals(list[i], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
