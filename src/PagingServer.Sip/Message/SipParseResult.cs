namespace PagingServer.Sip.Message;

/// <summary>Outcome of parsing one message.</summary>
public enum SipParseStatus : byte
{
    /// <summary>The message is well formed.</summary>
    Ok = 0,
    /// <summary>Syntax error: answer a request with 400 (RFC 3261 21.4.1), drop a response.</summary>
    Malformed,
    /// <summary>SIP-Version other than 2.0: answer 505 (RFC 3261 21.5.7).</summary>
    VersionNotSupported,
    /// <summary>Fewer body bytes than Content-Length says (RFC 3261 18.3: 400 over UDP).</summary>
    Truncated,
    /// <summary>Content-Length missing on a stream, negative, repeated or not a number (RFC 3261 18.3, RFC 4475 3.1.2.3, 3.3.9).</summary>
    BadFraming,
    /// <summary>The message exceeds <see cref="SipMessage.MaxMessageBytes"/> (RFC 3261 21.5.14: 513).</summary>
    TooLarge,
}

/// <summary>Status of a parse with a short static reason and the byte offset where it was found.</summary>
public readonly record struct SipParseResult(SipParseStatus Status, string Reason, int Offset)
{
    /// <summary>A successful result.</summary>
    public static SipParseResult Success => new(SipParseStatus.Ok, "", 0);

    /// <summary>True when the message parsed.</summary>
    public bool IsOk => Status == SipParseStatus.Ok;

    /// <summary>The response code a UAS sends for a failed request (0 when OK); failed responses are dropped (RFC 3261 18.1.2).</summary>
    public int ResponseCode => Status switch
    {
        SipParseStatus.Ok => 0,
        SipParseStatus.VersionNotSupported => 505,
        SipParseStatus.TooLarge => 513,
        _ => 400,
    };

    internal static SipParseResult Fail(SipParseStatus status, string reason, int offset) => new(status, reason, offset);
}
