using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;

namespace PagingServer.Sip.Validation;

/// <summary>Checks a UAC makes on a parsed response before handing it to a client transaction.</summary>
public static class UacResponseCheck
{
    /// <summary>
    /// False when the response must be discarded silently: RFC 3261 8.1.3.3 (more than one Via,
    /// as in RFC 4475 3.3.10) or missing the fields a transaction matches on (RFC 3261 17.1.3).
    /// </summary>
    public static bool ShouldAccept(SipMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return !response.IsRequest
            && response.Count(SipHeaderId.Via) == 1
            && response.Count(SipHeaderId.CSeq) == 1
            && response.Count(SipHeaderId.CallId) == 1
            && response.Count(SipHeaderId.From) == 1
            && response.Count(SipHeaderId.To) == 1;
    }
}
