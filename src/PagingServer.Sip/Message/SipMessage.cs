using PagingServer.Sip.Headers;
using PagingServer.Sip.Text;

namespace PagingServer.Sip.Message;

/// <summary>
/// A parsed request or response. It owns a copy of the message bytes (header folding replaced
/// by SP, which RFC 3261 7.3.1 makes equivalent) and a table of header offsets, so it outlives
/// the receive buffer and can be reused for the next message without allocating.
/// Not thread-safe: the SIP thread owns it.
/// </summary>
public sealed partial class SipMessage
{
    /// <summary>Largest message accepted, in bytes (a UDP datagram cannot exceed 65535).</summary>
    public const int MaxMessageBytes = 65535;

    private byte[] _buffer;
    private HeaderEntry[] _headers;
    private int _headerCount;
    private int _length;
    private int _methodStart, _methodLength, _uriStart, _uriLength, _reasonStart, _reasonLength;
    private int _bodyStart, _bodyLength;

    /// <summary>Creates an empty message with room for <paramref name="initialBytes"/> bytes and <paramref name="initialHeaders"/> header values; both grow on demand.</summary>
    public SipMessage(int initialBytes = 2048, int initialHeaders = 32)
    {
        _buffer = new byte[Math.Max(64, initialBytes)];
        _headers = new HeaderEntry[Math.Max(4, initialHeaders)];
    }

    private struct HeaderEntry
    {
        public SipHeaderId Id;
        public int NameStart;
        public int NameLength;
        public int ValueStart;
        public int ValueLength;
    }

    /// <summary>True for a request, false for a response.</summary>
    public bool IsRequest { get; private set; }

    /// <summary>The request method token (empty for responses).</summary>
    public ReadOnlySpan<byte> Method => _buffer.AsSpan(_methodStart, _methodLength);

    /// <summary>The request method, or <see cref="SipMethod.Unknown"/>.</summary>
    public SipMethod MethodId { get; private set; }

    /// <summary>The Request-URI text.</summary>
    public ReadOnlySpan<byte> RequestUriText => _buffer.AsSpan(_uriStart, _uriLength);

    /// <summary>The Request-URI, parsed in place.</summary>
    public Uri.SipUri RequestUri => Uri.SipUri.TryParse(RequestUriText, out var u) ? u : default;

    /// <summary>The response status code (0 for requests).</summary>
    public int StatusCode { get; private set; }

    /// <summary>The reason phrase (UTF-8, may be empty).</summary>
    public ReadOnlySpan<byte> ReasonPhrase => _buffer.AsSpan(_reasonStart, _reasonLength);

    /// <summary>The message body, framed by Content-Length (or the datagram end, RFC 3261 18.3).</summary>
    public ReadOnlySpan<byte> Body => _buffer.AsSpan(_bodyStart, _bodyLength);

    /// <summary>The message bytes as stored (start line to end of body).</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, _length);

    /// <summary>Number of header values (a comma list counts once per element).</summary>
    public int HeaderCount => _headerCount;

    /// <summary>The id of header value <paramref name="index"/>.</summary>
    public SipHeaderId HeaderId(int index) => _headers[index].Id;

    /// <summary>The name of header value <paramref name="index"/> as written.</summary>
    public ReadOnlySpan<byte> HeaderName(int index) => _buffer.AsSpan(_headers[index].NameStart, _headers[index].NameLength);

    /// <summary>Header value <paramref name="index"/>, trimmed.</summary>
    public ReadOnlySpan<byte> HeaderValue(int index) => _buffer.AsSpan(_headers[index].ValueStart, _headers[index].ValueLength);

    /// <summary>How many values of header <paramref name="id"/> the message carries.</summary>
    public int Count(SipHeaderId id)
    {
        int n = 0;
        for (int i = 0; i < _headerCount; i++)
        {
            if (_headers[i].Id == id)
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>Finds the <paramref name="occurrence"/>-th value of a known header.</summary>
    public bool TryGet(SipHeaderId id, out ReadOnlySpan<byte> value, int occurrence = 0)
    {
        for (int i = 0; i < _headerCount; i++)
        {
            if (_headers[i].Id == id && occurrence-- == 0)
            {
                value = HeaderValue(i);
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Finds the first value of a header by name, case-insensitively (for unknown headers).</summary>
    public bool TryGet(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        var id = SipHeaderNames.Identify(name);
        if (id != SipHeaderId.Unknown)
        {
            return TryGet(id, out value);
        }
        for (int i = 0; i < _headerCount; i++)
        {
            if (_headers[i].Id == SipHeaderId.Unknown && SipChars.EqualsIgnoreCase(HeaderName(i), name))
            {
                value = HeaderValue(i);
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The <paramref name="occurrence"/>-th value of a known header, empty when absent.</summary>
    public ReadOnlySpan<byte> Get(SipHeaderId id, int occurrence = 0) => TryGet(id, out var v, occurrence) ? v : default;
}
