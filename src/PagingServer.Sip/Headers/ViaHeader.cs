using PagingServer.Sip.Text;
using PagingServer.Sip.Uri;

namespace PagingServer.Sip.Headers;

/// <summary>One Via value (RFC 3261 20.42, 25.1 via-parm; rport per RFC 3581).</summary>
public readonly ref struct ViaHeader
{
    /// <summary>The branch magic cookie of RFC 3261 8.1.1.7.</summary>
    public static ReadOnlySpan<byte> MagicCookie => "z9hG4bK"u8;

    /// <summary>Protocol name, normally "SIP".</summary>
    public ReadOnlySpan<byte> ProtocolName { get; init; }

    /// <summary>Protocol version, normally "2.0".</summary>
    public ReadOnlySpan<byte> ProtocolVersion { get; init; }

    /// <summary>Transport token (UDP, TCP, TLS, SCTP, or an unknown one, RFC 4475 3.1.1.10).</summary>
    public ReadOnlySpan<byte> Transport { get; init; }

    /// <summary>sent-by host.</summary>
    public ReadOnlySpan<byte> Host { get; init; }

    /// <summary>sent-by port, or -1 when absent.</summary>
    public int Port { get; init; }

    /// <summary>Parameters starting at ';'.</summary>
    public ReadOnlySpan<byte> Parameters { get; init; }

    /// <summary>The branch parameter, empty when absent.</summary>
    public ReadOnlySpan<byte> Branch => TryGetParameter("branch"u8, out var v) ? v : default;

    /// <summary>The received parameter, empty when absent.</summary>
    public ReadOnlySpan<byte> Received => TryGetParameter("received"u8, out var v) ? v : default;

    /// <summary>True when an rport parameter is present, with or without a value (RFC 3581 3).</summary>
    public bool HasRport => TryGetParameter("rport"u8, out _);

    /// <summary>The rport value, or -1 when absent or empty.</summary>
    public int Rport => TryGetParameter("rport"u8, out var v) && SipChars.TryParseInt(v, 65535, out int p) ? p : -1;

    /// <summary>Looks up a Via parameter.</summary>
    public bool TryGetParameter(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value) =>
        SipParameterReader.TryGet(Parameters, name, out value);

    /// <summary>Parses one Via value; SWS is allowed around '/' and ':' (RFC 3261 25.1 SLASH, COLON).</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out ViaHeader via)
    {
        via = default;
        var s = value;
        int pos = 0;
        if (!Token(s, ref pos, out var name) || !Expect(s, ref pos, (byte)'/')
            || !Token(s, ref pos, out var version) || !Expect(s, ref pos, (byte)'/')
            || !Token(s, ref pos, out var transport))
        {
            return false;
        }
        int ws = pos;
        SkipWs(s, ref pos);
        if (pos == ws || pos >= s.Length)
        {
            return false;
        }
        int hostStart = pos;
        while (pos < s.Length && !SipChars.IsWs(s[pos]) && s[pos] is not ((byte)';' or (byte)':'))
        {
            pos++;
        }
        if (s[hostStart] == '[')
        {
            pos = hostStart + Math.Max(0, s[hostStart..].IndexOf((byte)']') + 1);
        }
        var hostText = s[hostStart..pos];
        SkipWs(s, ref pos);
        int port = -1;
        if (pos < s.Length && s[pos] == ':')
        {
            pos++;
            SkipWs(s, ref pos);
            int ps = pos;
            while (pos < s.Length && SipChars.IsDigit(s[pos]))
            {
                pos++;
            }
            if (!SipChars.TryParseInt(s[ps..pos], 65535, out port))
            {
                return false;
            }
        }
        var parameters = s[pos..];
        if (!SipHost.TrySplitHostPort(hostText, out var host, out _) || host.Length != hostText.Length
            || !SipParameterReader.Validate(parameters))
        {
            return false;
        }
        via = new ViaHeader
        {
            ProtocolName = name,
            ProtocolVersion = version,
            Transport = transport,
            Host = host,
            Port = port,
            Parameters = parameters,
        };
        return true;
    }

    private static void SkipWs(ReadOnlySpan<byte> s, ref int pos)
    {
        while (pos < s.Length && SipChars.IsWs(s[pos]))
        {
            pos++;
        }
    }

    private static bool Token(ReadOnlySpan<byte> s, scoped ref int pos, out ReadOnlySpan<byte> token)
    {
        SkipWs(s, ref pos);
        int start = pos;
        while (pos < s.Length && SipChars.IsToken(s[pos]))
        {
            pos++;
        }
        token = s[start..pos];
        return !token.IsEmpty;
    }

    private static bool Expect(ReadOnlySpan<byte> s, ref int pos, byte c)
    {
        SkipWs(s, ref pos);
        if (pos < s.Length && s[pos] == c)
        {
            pos++;
            return true;
        }
        return false;
    }
}
