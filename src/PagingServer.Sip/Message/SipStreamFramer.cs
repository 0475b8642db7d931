using PagingServer.Sip.Headers;
using PagingServer.Sip.Text;

namespace PagingServer.Sip.Message;

/// <summary>What <see cref="SipStreamFramer.Frame"/> found at the start of the stream buffer.</summary>
public enum SipFrameStatus : byte
{
    /// <summary>No complete message yet: read more bytes (close the connection on a timeout, RFC 4475 3.1.2.2).</summary>
    NeedMore,
    /// <summary>A complete message of <see cref="SipFrame.Length"/> bytes, after <see cref="SipFrame.Skip"/> bytes of CRLF.</summary>
    Message,
    /// <summary>Only CRLFs so far (RFC 5626 3.5.1 keep-alive); drop <see cref="SipFrame.Skip"/> bytes, answer "\r\n\r\n" with "\r\n".</summary>
    KeepAlive,
    /// <summary>The stream cannot be resynchronised (bad Content-Length, RFC 3261 18.3): close the connection.</summary>
    BadFraming,
}

/// <summary>One framing decision.</summary>
public readonly record struct SipFrame(SipFrameStatus Status, int Skip, int Length);

/// <summary>
/// Cuts SIP messages out of a TCP byte stream by the header terminator and Content-Length
/// (RFC 3261 18.3, 20.14). Pure function over the caller's receive buffer; no state kept.
/// </summary>
public static class SipStreamFramer
{
    /// <summary>
    /// Looks at <paramref name="data"/> (unconsumed stream bytes). For <see cref="SipFrameStatus.Message"/>
    /// the message is <c>data.Slice(Skip, Length)</c>; pass it to <see cref="SipMessage.Parse"/> with <see cref="SipFraming.Stream"/>.
    /// </summary>
    public static SipFrame Frame(ReadOnlySpan<byte> data, int maxMessageBytes = SipMessage.MaxMessageBytes)
    {
        int skip = 0;
        while (skip < data.Length && data[skip] is (byte)'\r' or (byte)'\n')
        {
            skip++;
        }
        if (skip == data.Length)
        {
            return new SipFrame(skip >= 2 ? SipFrameStatus.KeepAlive : SipFrameStatus.NeedMore, skip & ~1, 0);
        }
        // Only whole CRLF pairs are skipped; a lone LF before text is a framing error.
        if ((skip & 1) != 0)
        {
            return new SipFrame(SipFrameStatus.BadFraming, 0, 0);
        }
        var msg = data[skip..];
        int headerEnd = msg.IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
        {
            return new SipFrame(msg.Length > maxMessageBytes ? SipFrameStatus.BadFraming : SipFrameStatus.NeedMore, skip, 0);
        }
        headerEnd += 4;
        if (!TryFindContentLength(msg[..headerEnd], out int contentLength))
        {
            return new SipFrame(SipFrameStatus.BadFraming, skip, 0);
        }
        int total = headerEnd + contentLength;
        if (total > maxMessageBytes)
        {
            return new SipFrame(SipFrameStatus.BadFraming, skip, 0);
        }
        return msg.Length < total
            ? new SipFrame(SipFrameStatus.NeedMore, skip, 0)
            : new SipFrame(SipFrameStatus.Message, skip, total);
    }

    // Exactly one Content-Length (long or compact "l") holding 1*DIGIT; anything else cannot be
    // framed safely on a stream (RFC 4475 3.1.2.3 negative, 3.3.9 repeated).
    private static bool TryFindContentLength(ReadOnlySpan<byte> headers, out int length)
    {
        length = -1;
        int pos = headers.IndexOf("\r\n"u8) + 2;
        while (pos < headers.Length - 2)
        {
            int eol = headers[pos..].IndexOf("\r\n"u8);
            var line = headers.Slice(pos, eol);
            pos += eol + 2;
            // A folded continuation of Content-Length would be absurd; only the first line counts.
            while (pos < headers.Length - 2 && SipChars.IsWs(headers[pos]))
            {
                int next = headers[pos..].IndexOf("\r\n"u8);
                pos += next + 2;
            }
            int colon = line.IndexOf((byte)':');
            if (colon < 0 || SipHeaderNames.Identify(line[..colon].TrimEnd(" \t"u8)) != SipHeaderId.ContentLength)
            {
                continue;
            }
            if (length >= 0 || !SipChars.TryParseInt(SipChars.Trim(line[(colon + 1)..]), SipMessage.MaxMessageBytes, out length))
            {
                length = -1;
                return false;
            }
        }
        return length >= 0;
    }
}
