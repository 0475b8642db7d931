using PagingServer.Sip.Message;

namespace PagingServer.Sip.Validation;

/// <summary>What a UAS implements; built once at start-up and shared read-only.</summary>
public sealed class UasCapabilities
{
    /// <summary>Methods the UAS accepts (others known to the stack get 405, unknown ones 501; RFC 3261 8.2.1).</summary>
    public IReadOnlyList<SipMethod> AllowedMethods { get; init; } =
        [SipMethod.Invite, SipMethod.Ack, SipMethod.Bye, SipMethod.Cancel, SipMethod.Options];

    /// <summary>Option tags the UAS supports for Require (RFC 3261 8.2.2.3).</summary>
    public IReadOnlyList<string> SupportedOptionTags { get; init; } = [];

    /// <summary>Body media types the UAS understands (RFC 3261 8.2.3).</summary>
    public IReadOnlyList<string> AcceptedContentTypes { get; init; } = ["application/sdp"];

    /// <summary>Request-URI schemes served (RFC 3261 8.2.2.1).</summary>
    public IReadOnlyList<string> UriSchemes { get; init; } = ["sip", "sips"];

    /// <summary>A paging UA with the defaults above.</summary>
    public static UasCapabilities Default { get; } = new();
}
