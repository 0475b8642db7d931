using System.Net;
using System.Net.Sockets;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;
using PagingServer.Sip.Text;

namespace PagingServer.Sip.Writer;

/// <summary>Builds the head of a response to a request (RFC 3261 8.2.6).</summary>
public static class SipResponseBuilder
{
    /// <summary>
    /// Writes the Status-Line and the headers copied from <paramref name="request"/>: every Via in
    /// order, From, To (adding <paramref name="toTag"/> when the request had none and the code is
    /// above 100, RFC 3261 8.2.6.2), Call-ID and CSeq (8.2.6.2). When <paramref name="source"/> is
    /// given, the top Via gets received (RFC 3261 18.2.1) and a value for an empty rport (RFC 3581 4).
    /// The caller then adds its own headers and calls <see cref="SipWriter.Finish"/>.
    /// </summary>
    public static void WriteHead(ref SipWriter writer, SipMessage request, int statusCode, ReadOnlySpan<byte> reasonPhrase,
        ReadOnlySpan<byte> toTag = default, IPEndPoint? source = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        writer.StatusLine(statusCode, reasonPhrase);
        bool top = true;
        for (int i = 0; i < request.HeaderCount; i++)
        {
            if (request.HeaderId(i) != SipHeaderId.Via)
            {
                continue;
            }
            if (top && source is not null)
            {
                WriteTopVia(ref writer, request.HeaderValue(i), source);
            }
            else
            {
                writer.Header(SipHeaderId.Via, request.HeaderValue(i));
            }
            top = false;
        }
        // A request that failed parsing (stateless 400) may lack some of these: skip, do not write empty headers.
        if (request.TryGet(SipHeaderId.From, out var from))
        {
            writer.Header(SipHeaderId.From, from);
        }
        if (request.TryGet(SipHeaderId.To, out var to))
        {
            writer.BeginHeader(SipHeaderId.To);
            writer.Append(to);
            if (statusCode > 100 && !toTag.IsEmpty && request.To.Tag.IsEmpty)
            {
                writer.Append(";tag="u8);
                writer.Append(toTag);
            }
            writer.EndHeader();
        }
        if (request.TryGet(SipHeaderId.CallId, out var callId))
        {
            writer.Header(SipHeaderId.CallId, callId);
        }
        if (request.TryGet(SipHeaderId.CSeq, out var cseq))
        {
            writer.Header(SipHeaderId.CSeq, cseq);
        }
        // RFC 3261 8.2.6.1: a 100 (Trying) echoes Timestamp.
        if (statusCode == 100 && request.TryGet("Timestamp"u8, out var ts))
        {
            writer.Header("Timestamp"u8, ts);
        }
    }

    private static void WriteTopVia(ref SipWriter writer, ReadOnlySpan<byte> value, IPEndPoint source)
    {
        if (!ViaHeader.TryParse(value, out var via))
        {
            writer.Header(SipHeaderId.Via, value);
            return;
        }
        Span<byte> address = stackalloc byte[64];
        var ip = source.Address.AddressFamily == AddressFamily.InterNetworkV6 && source.Address.IsIPv4MappedToIPv6
            ? source.Address.MapToIPv4()
            : source.Address;
        if (!ip.TryFormat(address, out int n))
        {
            n = 0;
        }
        var addressText = address[..n];
        int percent = addressText.IndexOf((byte)'%');
        if (percent >= 0)
        {
            addressText = addressText[..percent]; // RFC 5118: no zone index on the wire
        }
        var host = via.Host.Length > 2 && via.Host[0] == '[' ? via.Host[1..^1] : via.Host;
        bool rport = via.HasRport;
        // RFC 3261 18.2.1: received when sent-by differs from the source; RFC 3581 4: always with rport.
        bool addReceived = rport || !SipChars.EqualsIgnoreCase(host, addressText);
        writer.BeginHeader(SipHeaderId.Via);
        writer.Append(SipChars.Trim(value[..(value.Length - via.Parameters.Length)]));
        var reader = new SipParameterReader(via.Parameters);
        while (reader.MoveNext(out var name, out var v, out bool hasValue))
        {
            if (addReceived && SipChars.EqualsIgnoreCase(name, "received"u8))
            {
                continue;
            }
            writer.Append((byte)';');
            writer.Append(name);
            if (SipChars.EqualsIgnoreCase(name, "rport"u8))
            {
                writer.Append((byte)'=');
                writer.AppendNumber((ulong)source.Port);
                continue;
            }
            if (hasValue)
            {
                writer.Append((byte)'=');
                writer.Append(v);
            }
        }
        if (addReceived)
        {
            writer.Append(";received="u8);
            writer.Append(addressText);
        }
        writer.EndHeader();
    }
}
