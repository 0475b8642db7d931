namespace PagingServer.Sip;

/// <summary>
/// What a re-INVITE's accepted offer changed in a call's session (RFC 3264 section 8): the
/// application uses it to mute a held caller and to point its RTP receiver at a moved or
/// restarted stream.
/// </summary>
/// <param name="HoldChanged">The caller went on hold or came back (a=sendonly/inactive and back).</param>
/// <param name="MediaMoved">The caller's RTP address or port differs from the previous offer's.</param>
/// <param name="NewDescription">The o= version went up (RFC 3264 8): the session may carry a new
/// stream, so a new SSRC from the caller is to be followed rather than refused.</param>
public readonly record struct SipSessionChange(bool HoldChanged, bool MediaMoved, bool NewDescription)
{
    /// <summary>True when the application has anything to do.</summary>
    public bool Any => HoldChanged || MediaMoved || NewDescription;
}
