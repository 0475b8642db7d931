using PagingServer.Sip.Headers;
using PagingServer.Sip.Text;

namespace PagingServer.Sip.Message;

// Parsing: copy, unfold, start line, header lines, body framing. Validation of header syntax
// lives in SipMessage.Validate.cs.
public sealed partial class SipMessage
{
    /// <summary>
    /// Parses one message into this instance, replacing what it held. Never throws for bad input:
    /// the result names the problem and the response code to send. On failure the headers read
    /// so far stay readable (enough to build a stateless 400 when Via/From/To/Call-ID/CSeq parsed).
    /// </summary>
    public SipParseResult Parse(ReadOnlySpan<byte> data, SipFraming framing = SipFraming.Datagram)
    {
        Reset();
        // RFC 3261 7.5: CRLFs before the start line are ignored (also keep-alives, RFC 5626 3.5.1).
        int skip = 0;
        while (skip + 1 < data.Length && data[skip] == '\r' && data[skip + 1] == '\n')
        {
            skip += 2;
        }
        data = data[skip..];
        // Known before anything else fails, so the caller knows whether to answer or drop.
        IsRequest = !data.StartsWith("SIP/"u8);
        if (data.Length > MaxMessageBytes)
        {
            return SipParseResult.Fail(SipParseStatus.TooLarge, "message too large", MaxMessageBytes);
        }
        int headerEnd = data.IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
        {
            return SipParseResult.Fail(SipParseStatus.Malformed, "header section not terminated by an empty line", data.Length);
        }
        headerEnd += 4;
        EnsureCapacity(data.Length);
        data.CopyTo(_buffer);
        _length = data.Length;
        Unfold(_buffer.AsSpan(0, headerEnd - 2));

        int lineEnd = _buffer.AsSpan(0, headerEnd).IndexOf("\r\n"u8);
        var start = ParseStartLine(lineEnd);
        // Header lines are read even after a bad start line: a 505 or 400 still needs the
        // request's Via, From, To, Call-ID and CSeq (RFC 3261 8.2.6).
        var r = ParseHeaderLines(lineEnd + 2, headerEnd - 2);
        if (!start.IsOk)
        {
            return start;
        }
        if (!r.IsOk)
        {
            return r;
        }
        r = FrameBody(headerEnd, framing);
        return r.IsOk ? Validate() : r;
    }

    private void Reset()
    {
        _headerCount = 0;
        _length = 0;
        _methodStart = _methodLength = _uriStart = _uriLength = _reasonStart = _reasonLength = 0;
        _bodyStart = _bodyLength = 0;
        IsRequest = false;
        MethodId = SipMethod.Unknown;
        StatusCode = 0;
    }

    private void EnsureCapacity(int bytes)
    {
        if (_buffer.Length < bytes)
        {
            _buffer = new byte[Math.Max(bytes, _buffer.Length * 2)];
        }
    }

    // RFC 3261 7.3.1: a CRLF followed by SP/HTAB continues the header value; replacing the CRLF by
    // SP keeps offsets and turns each header into one line.
    private static void Unfold(Span<byte> headers)
    {
        for (int i = 0; i + 2 < headers.Length; i++)
        {
            if (headers[i] == '\r' && headers[i + 1] == '\n' && SipChars.IsWs(headers[i + 2]))
            {
                headers[i] = (byte)' ';
                headers[i + 1] = (byte)' ';
            }
        }
    }

    private SipParseResult ParseHeaderLines(int pos, int end)
    {
        var buf = _buffer.AsSpan(0, end);
        while (pos < end)
        {
            int eol = buf[pos..].IndexOf("\r\n"u8);
            int lineEnd = eol < 0 ? end : pos + eol;
            var line = buf[pos..lineEnd];
            int colon = line.IndexOf((byte)':');
            if (colon < 0)
            {
                return SipParseResult.Fail(SipParseStatus.Malformed, "header line without ':'", pos);
            }
            // RFC 3261 7.3.1 / 25.1 HCOLON = *( SP / HTAB ) ":" SWS
            var name = line[..colon].TrimEnd(" \t"u8);
            if (!SipChars.IsAllToken(name))
            {
                return SipParseResult.Fail(SipParseStatus.Malformed, "header name is not a token", pos);
            }
            var id = SipHeaderNames.Identify(name);
            var afterColon = line[(colon + 1)..];
            var value = SipChars.Trim(afterColon);
            int valueStart = pos + colon + 1 + (afterColon.Length - SipChars.TrimStart(afterColon).Length);
            if (!AddHeader(id, pos, name.Length, valueStart, value))
            {
                return SipParseResult.Fail(SipParseStatus.Malformed, "empty element in a header list", pos);
            }
            pos = lineEnd + 2;
        }
        return SipParseResult.Success;
    }

    private bool AddHeader(SipHeaderId id, int nameStart, int nameLength, int valueStart, ReadOnlySpan<byte> value)
    {
        if (!SipHeaderNames.IsList(id) || value.IsEmpty)
        {
            Append(id, nameStart, nameLength, valueStart, value.Length);
            return true;
        }
        // RFC 3261 7.3.1: a list header may carry comma-separated values; commas inside quoted
        // strings or <> do not separate (RFC 4475 3.1.1.1, 3.1.1.5).
        int offset = 0;
        while (true)
        {
            var rest = value[offset..];
            int comma = SipChars.IndexOfUnquoted(rest, (byte)',');
            var element = comma >= 0 ? rest[..comma] : rest;
            var trimmed = SipChars.Trim(element);
            if (trimmed.IsEmpty)
            {
                return false;
            }
            int lead = element.Length - SipChars.TrimStart(element).Length;
            Append(id, nameStart, nameLength, valueStart + offset + lead, trimmed.Length);
            if (comma < 0)
            {
                return true;
            }
            offset += comma + 1;
        }
    }

    private void Append(SipHeaderId id, int nameStart, int nameLength, int valueStart, int valueLength)
    {
        if (_headerCount == _headers.Length)
        {
            Array.Resize(ref _headers, _headers.Length * 2);
        }
        _headers[_headerCount++] = new HeaderEntry
        {
            Id = id,
            NameStart = nameStart,
            NameLength = nameLength,
            ValueStart = valueStart,
            ValueLength = valueLength,
        };
    }

    private SipParseResult FrameBody(int headerEnd, SipFraming framing)
    {
        int available = _length - headerEnd;
        int count = Count(SipHeaderId.ContentLength);
        if (count == 0)
        {
            if (framing == SipFraming.Stream)
            {
                return SipParseResult.Fail(SipParseStatus.BadFraming, "Content-Length is mandatory on streams", headerEnd);
            }
            // RFC 3261 18.3: over UDP without Content-Length the body runs to the datagram end.
            _bodyStart = headerEnd;
            _bodyLength = available;
            return SipParseResult.Success;
        }
        if (count > 1)
        {
            return SipParseResult.Fail(SipParseStatus.BadFraming, "more than one Content-Length", headerEnd);
        }
        if (!SipChars.TryParseInt(Get(SipHeaderId.ContentLength), MaxMessageBytes, out int length))
        {
            return SipParseResult.Fail(SipParseStatus.BadFraming, "Content-Length is not a number", headerEnd);
        }
        if (length > available)
        {
            return SipParseResult.Fail(SipParseStatus.Truncated, "body shorter than Content-Length", _length);
        }
        // RFC 3261 18.3: octets past Content-Length in a datagram are discarded (RFC 4475 3.1.1.8).
        _bodyStart = headerEnd;
        _bodyLength = length;
        _length = headerEnd + length;
        return SipParseResult.Success;
    }
}
