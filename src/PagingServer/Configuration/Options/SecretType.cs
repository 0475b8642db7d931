namespace PagingServer.Configuration.Options;

/// <summary>
/// Text that must never be shown by accident: the SIP password, the Sentry DSN (whose user part
/// is a key). Dumps mask it unless --show-secrets is given; the log never prints it.
/// </summary>
internal sealed class SecretType(string describe, Func<string, string?>? validate = null) : OptionType<string>
{
    public static readonly SecretType Password = new("text, secret");

    /// <summary>A Sentry DSN: https://KEY@HOST/PROJECT (the older KEY:SECRET form is accepted).</summary>
    public static readonly SecretType SentryDsn = new("URL, secret", ValidateDsn);

    public override string Describe => describe;

    public override bool TryParse(string text, out string value, out string error)
    {
        value = text.Trim();
        error = value.Length == 0 || validate is null ? "" : validate(value) ?? "";
        return error.Length == 0;
    }

    public override string Format(string value) => value;

    /// <summary>What a dump prints in place of the value.</summary>
    public static string Mask(string value) => value.Length == 0 ? "" : "********";

    private static string? ValidateDsn(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.UserInfo.Length == 0
            || uri.AbsolutePath.Trim('/').Length == 0)
        {
            return "not a Sentry DSN: expected https://KEY@HOST/PROJECT";
        }
        return null;
    }
}
