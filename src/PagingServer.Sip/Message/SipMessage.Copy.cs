namespace PagingServer.Sip.Message;

// Lets the SIP thread parse every datagram into one scratch message and copy only those it keeps
// (a server transaction's request, a dialog's INVITE) into longer-lived instances.
public sealed partial class SipMessage
{
    /// <summary>Makes this message an exact copy of <paramref name="other"/>, reusing this instance's buffers when large enough.</summary>
    public void CopyFrom(SipMessage other)
    {
        ArgumentNullException.ThrowIfNull(other);
        EnsureCapacity(other._length);
        other._buffer.AsSpan(0, other._length).CopyTo(_buffer);
        if (_headers.Length < other._headerCount)
        {
            _headers = new HeaderEntry[other._headers.Length];
        }
        other._headers.AsSpan(0, other._headerCount).CopyTo(_headers);
        _headerCount = other._headerCount;
        _length = other._length;
        (_methodStart, _methodLength, _uriStart, _uriLength) = (other._methodStart, other._methodLength, other._uriStart, other._uriLength);
        (_reasonStart, _reasonLength, _bodyStart, _bodyLength) = (other._reasonStart, other._reasonLength, other._bodyStart, other._bodyLength);
        IsRequest = other.IsRequest;
        MethodId = other.MethodId;
        StatusCode = other.StatusCode;
    }
}
