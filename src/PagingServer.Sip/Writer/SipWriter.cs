using System.Buffers.Text;
using System.Text;
using PagingServer.Sip.Headers;

namespace PagingServer.Sip.Writer;

/// <summary>
/// Writes a SIP message into a caller-owned buffer: start line, headers, then
/// <see cref="Finish"/> adds Content-Length (computed from the body), the empty line and the body
/// (RFC 3261 7, 20.14). Never throws on a full buffer: <see cref="Overflowed"/> turns true and
/// <see cref="Finish"/> returns -1.
/// </summary>
public ref struct SipWriter
{
    private readonly Span<byte> _dest;
    private int _pos;

    /// <summary>Starts writing at the beginning of <paramref name="destination"/>.</summary>
    public SipWriter(Span<byte> destination)
    {
        _dest = destination;
        _pos = 0;
        Overflowed = false;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Length => _pos;

    /// <summary>True once something did not fit.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>The bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _dest[.._pos];

    /// <summary>Request-Line: Method SP Request-URI SP SIP/2.0 CRLF (RFC 3261 7.1).</summary>
    public void RequestLine(scoped ReadOnlySpan<byte> method, scoped ReadOnlySpan<byte> requestUri)
    {
        Append(method);
        Append((byte)' ');
        Append(requestUri);
        Append(" SIP/2.0\r\n"u8);
    }

    /// <summary>Status-Line: SIP/2.0 SP code SP reason CRLF (RFC 3261 7.2).</summary>
    public void StatusLine(int statusCode, scoped ReadOnlySpan<byte> reasonPhrase)
    {
        Append("SIP/2.0 "u8);
        AppendNumber((ulong)Math.Clamp(statusCode, 100, 699));
        Append((byte)' ');
        Append(reasonPhrase);
        Append("\r\n"u8);
    }

    /// <summary>Writes "Name: value" CRLF.</summary>
    public void Header(scoped ReadOnlySpan<byte> name, scoped ReadOnlySpan<byte> value)
    {
        BeginHeader(name);
        Append(value);
        EndHeader();
    }

    /// <summary>Writes a known header under its canonical long name.</summary>
    public void Header(SipHeaderId id, scoped ReadOnlySpan<byte> value) => Header(SipHeaderNames.Canonical(id), value);

    /// <summary>Writes a known header whose value is text (encoded as UTF-8).</summary>
    public void Header(SipHeaderId id, string value)
    {
        BeginHeader(SipHeaderNames.Canonical(id));
        Append(value);
        EndHeader();
    }

    /// <summary>Writes a known header with a numeric value.</summary>
    public void Header(SipHeaderId id, ulong value)
    {
        BeginHeader(SipHeaderNames.Canonical(id));
        AppendNumber(value);
        EndHeader();
    }

    /// <summary>Starts a header whose value is then built with the Append methods and closed by <see cref="EndHeader"/>.</summary>
    public void BeginHeader(scoped ReadOnlySpan<byte> name)
    {
        Append(name);
        Append(": "u8);
    }

    /// <summary>Starts a known header.</summary>
    public void BeginHeader(SipHeaderId id) => BeginHeader(SipHeaderNames.Canonical(id));

    /// <summary>Ends the current header line.</summary>
    public void EndHeader() => Append("\r\n"u8);

    /// <summary>Appends raw bytes.</summary>
    public void Append(scoped ReadOnlySpan<byte> bytes)
    {
        if (Overflowed || bytes.Length > _dest.Length - _pos)
        {
            Overflowed = true;
            return;
        }
        bytes.CopyTo(_dest[_pos..]);
        _pos += bytes.Length;
    }

    /// <summary>Appends one byte.</summary>
    public void Append(byte b) => Append([b]);

    /// <summary>Appends text as UTF-8.</summary>
    public void Append(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Overflowed || !Encoding.UTF8.TryGetBytes(text, _dest[_pos..], out int n))
        {
            Overflowed = true;
            return;
        }
        _pos += n;
    }

    /// <summary>Appends a decimal number.</summary>
    public void AppendNumber(ulong value)
    {
        if (Overflowed || !Utf8Formatter.TryFormat(value, _dest[_pos..], out int n))
        {
            Overflowed = true;
            return;
        }
        _pos += n;
    }

    /// <summary>Writes Content-Length, the empty line and <paramref name="body"/>; returns the total length, or -1 on overflow.</summary>
    public int Finish(scoped ReadOnlySpan<byte> body)
    {
        Header(SipHeaderId.ContentLength, (ulong)body.Length);
        Append("\r\n"u8);
        Append(body);
        return Overflowed ? -1 : _pos;
    }
}
