using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;

namespace PagingServer.Sip.Writer;

/// <summary>Requests derived from an INVITE a client transaction sent (RFC 3261 9.1, 17.1.1.3).</summary>
public static class SipRequestBuilder
{
    /// <summary>
    /// Writes the head of a CANCEL for <paramref name="invite"/> (RFC 3261 9.1): same Request-URI,
    /// Call-ID, From, To and CSeq number, method CANCEL, only the top Via, the same Route set.
    /// Finish with <see cref="SipWriter.Finish"/>.
    /// </summary>
    public static void WriteCancel(ref SipWriter writer, SipMessage invite)
    {
        ArgumentNullException.ThrowIfNull(invite);
        WriteDerived(ref writer, invite, "CANCEL"u8, invite.Get(SipHeaderId.To));
    }

    /// <summary>
    /// Writes the head of the ACK for a non-2xx final <paramref name="response"/> to <paramref name="invite"/>
    /// (RFC 3261 17.1.1.3): To from the response (with its tag), the rest as for CANCEL.
    /// </summary>
    public static void WriteAckForNon2xx(ref SipWriter writer, SipMessage invite, SipMessage response)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentNullException.ThrowIfNull(response);
        WriteDerived(ref writer, invite, "ACK"u8, response.Get(SipHeaderId.To));
    }

    private static void WriteDerived(ref SipWriter writer, SipMessage invite, ReadOnlySpan<byte> method, ReadOnlySpan<byte> to)
    {
        writer.RequestLine(method, invite.RequestUriText);
        writer.Header(SipHeaderId.Via, invite.Get(SipHeaderId.Via));
        writer.Header(SipHeaderId.MaxForwards, 70);
        writer.Header(SipHeaderId.From, invite.Get(SipHeaderId.From));
        writer.Header(SipHeaderId.To, to);
        writer.Header(SipHeaderId.CallId, invite.CallId);
        writer.BeginHeader(SipHeaderId.CSeq);
        writer.AppendNumber(invite.CSeq.Number);
        writer.Append((byte)' ');
        writer.Append(method);
        writer.EndHeader();
        for (int i = 0; i < invite.HeaderCount; i++)
        {
            if (invite.HeaderId(i) == SipHeaderId.Route)
            {
                writer.Header(SipHeaderId.Route, invite.HeaderValue(i));
            }
        }
    }
}
