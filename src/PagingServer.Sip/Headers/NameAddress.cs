using PagingServer.Sip.Text;
using PagingServer.Sip.Uri;

namespace PagingServer.Sip.Headers;

/// <summary>
/// One From, To, Contact, Route or Record-Route value: (name-addr / addr-spec) *(SEMI param)
/// (RFC 3261 20.10, 20.20, 20.39, 25.1).
/// </summary>
public readonly ref struct NameAddress
{
    /// <summary>Display name as written: a quoted-string with its quotes, or the token run; empty when absent.</summary>
    public ReadOnlySpan<byte> DisplayName { get; init; }

    /// <summary>The URI text (without angle brackets).</summary>
    public ReadOnlySpan<byte> UriText { get; init; }

    /// <summary>True when the URI was enclosed in &lt;&gt; (name-addr form).</summary>
    public bool Bracketed { get; init; }

    /// <summary>Header parameters after the URI, starting at ';' (empty when none).</summary>
    public ReadOnlySpan<byte> Parameters { get; init; }

    /// <summary>True for the Contact value "*" (RFC 3261 10.2.2).</summary>
    public bool IsWildcard { get; init; }

    /// <summary>The tag parameter (RFC 3261 19.3), empty when absent.</summary>
    public ReadOnlySpan<byte> Tag => TryGetParameter("tag"u8, out var v) ? v : default;

    /// <summary>The parsed URI (already validated by <see cref="TryParse"/>).</summary>
    public SipUri Uri => SipUri.TryParse(UriText, out var u) ? u : default;

    /// <summary>Looks up a header parameter.</summary>
    public bool TryGetParameter(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value) =>
        SipParameterReader.TryGet(Parameters, name, out value);

    /// <summary>Writes the display name without quotes and with quoted-pairs resolved; returns the count or -1 if too small.</summary>
    public int DecodeDisplayName(Span<byte> destination)
    {
        var s = DisplayName.Length >= 2 && DisplayName[0] == '"' ? DisplayName[1..^1] : DisplayName;
        int n = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (n >= destination.Length)
            {
                return -1;
            }
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                i++;
            }
            destination[n++] = s[i];
        }
        return n;
    }

    /// <summary>Parses one value; false on any syntax error (RFC 4475 3.1.2.6, 3.1.2.13-15).</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out NameAddress result, bool allowWildcard = false)
    {
        result = default;
        var s = SipChars.Trim(value);
        if (allowWildcard && s.Length == 1 && s[0] == '*')
        {
            result = new NameAddress { IsWildcard = true };
            return true;
        }
        ReadOnlySpan<byte> display = default;
        int i = 0;
        if (s.Length > 0 && s[0] == '"')
        {
            int q = SipChars.QuotedStringLength(s);
            if (q < 0)
            {
                return false;
            }
            display = s[..q];
            i = q;
            while (i < s.Length && SipChars.IsWs(s[i]))
            {
                i++;
            }
            if (i >= s.Length || s[i] != '<')
            {
                return false;
            }
        }
        else
        {
            while (i < s.Length && s[i] is not ((byte)'<' or (byte)';'))
            {
                i++;
            }
            if (i < s.Length && s[i] == '<')
            {
                // display-name = *(token LWS): tokens separated by whitespace only (RFC 4475 3.1.2.15).
                display = SipChars.Trim(s[..i]);
                foreach (byte c in display)
                {
                    if (!SipChars.IsToken(c) && !SipChars.IsWs(c))
                    {
                        return false;
                    }
                }
            }
            else
            {
                return TryParseAddrSpec(s, out result);
            }
        }
        int close = s[i..].IndexOf((byte)'>');
        if (close < 0)
        {
            return false;
        }
        var uriText = s.Slice(i + 1, close - 1);
        var parameters = s[(i + close + 1)..];
        if (!SipUri.TryParse(uriText, out _) || !SipParameterReader.Validate(parameters))
        {
            return false;
        }
        result = new NameAddress { DisplayName = display, UriText = uriText, Bracketed = true, Parameters = parameters };
        return true;
    }

    private static bool TryParseAddrSpec(ReadOnlySpan<byte> s, out NameAddress result)
    {
        result = default;
        // RFC 3261 20.10: without <>, ';' starts header params, and a URI holding ',', '?' or ';'
        // must have been bracketed (RFC 4475 3.1.2.13).
        int semi = s.IndexOf((byte)';');
        var uriText = SipChars.Trim(semi >= 0 ? s[..semi] : s);
        var parameters = semi >= 0 ? s[semi..] : default;
        if (uriText.IndexOfAny((byte)'?', (byte)',') >= 0 || !SipUri.TryParse(uriText, out _)
            || !SipParameterReader.Validate(parameters))
        {
            return false;
        }
        result = new NameAddress { UriText = uriText, Parameters = parameters };
        return true;
    }
}
