namespace PagingServer.Reporting;

/// <summary>
/// A Sentry DSN taken apart: `https://PUBLIC_KEY[:SECRET]@HOST[:PORT][/PATH]/PROJECT`. The
/// envelope endpoint is `/PATH/api/PROJECT/envelope/`; the optional secret of old DSNs is never
/// sent and never logged.
/// </summary>
internal sealed record SentryDsn(Uri EnvelopeEndpoint, string PublicKey, string? Secret, string ProjectId)
{
    public static SentryDsn? Parse(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || uri.UserInfo.Length == 0
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }
        string path = uri.AbsolutePath.TrimEnd('/');
        int slash = path.LastIndexOf('/');
        string project = path[(slash + 1)..];
        if (project.Length == 0)
            return null;
        string prefix = path[..slash];
        string[] user = uri.UserInfo.Split(':', 2);
        var endpoint = new UriBuilder(uri.Scheme, uri.Host, uri.Port, $"{prefix}/api/{project}/envelope/").Uri;
        return new SentryDsn(endpoint, Uri.UnescapeDataString(user[0]), user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null, project);
    }

    /// <summary>The DSN as it may appear in an envelope header or a log line: no secret.</summary>
    public string Public => $"{EnvelopeEndpoint.Scheme}://{PublicKey}@{EnvelopeEndpoint.Authority}/{ProjectId}";

    /// <summary>The `X-Sentry-Auth` header value (protocol version 7).</summary>
    public string AuthHeader(string client) => $"Sentry sentry_version=7, sentry_key={PublicKey}, sentry_client={client}";
}
