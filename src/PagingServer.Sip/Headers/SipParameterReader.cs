using PagingServer.Sip.Text;

namespace PagingServer.Sip.Headers;

/// <summary>
/// Walks a run of <c>;name[=value]</c> parameters: header params (RFC 3261 25.1 generic-param, with
/// SEMI and EQUAL allowing SWS around them) or URI params (RFC 3261 19.1.1, no whitespace).
/// </summary>
public ref struct SipParameterReader
{
    private readonly ReadOnlySpan<byte> _text;
    private readonly bool _uri;
    private int _pos;

    /// <summary>Starts reading <paramref name="text"/>, which begins at (or before) the first ';'.</summary>
    public SipParameterReader(ReadOnlySpan<byte> text, bool uriParameters = false)
    {
        _text = text;
        _uri = uriParameters;
        _pos = 0;
        Failed = false;
    }

    /// <summary>True once a malformed parameter was met (empty name, stray text, bad quote).</summary>
    public bool Failed { get; private set; }

    /// <summary>Reads the next parameter; <paramref name="value"/> is empty for a valueless one (quoted values keep their quotes).</summary>
    public bool MoveNext(out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value, out bool hasValue)
    {
        name = default;
        value = default;
        hasValue = false;
        if (Failed)
        {
            return false;
        }
        SkipWs();
        if (_pos >= _text.Length)
        {
            return false;
        }
        if (_text[_pos] != ';')
        {
            return Fail();
        }
        _pos++;
        SkipWs();
        int start = _pos;
        while (_pos < _text.Length && IsNameChar(_text[_pos]))
        {
            _pos++;
        }
        name = _text[start.._pos];
        if (name.IsEmpty)
        {
            return Fail();
        }
        SkipWs();
        if (_pos < _text.Length && _text[_pos] == '=')
        {
            _pos++;
            SkipWs();
            hasValue = true;
            if (_pos < _text.Length && _text[_pos] == '"' && !_uri)
            {
                int q = SipChars.QuotedStringLength(_text[_pos..]);
                if (q < 0)
                {
                    return Fail();
                }
                value = _text.Slice(_pos, q);
                _pos += q;
            }
            else
            {
                start = _pos;
                while (_pos < _text.Length && IsValueChar(_text[_pos]))
                {
                    _pos++;
                }
                value = _text[start.._pos];
                if (value.IsEmpty)
                {
                    return Fail();
                }
            }
        }
        SkipWs();
        if (_pos < _text.Length && _text[_pos] != ';')
        {
            return Fail();
        }
        return true;
    }

    private bool Fail()
    {
        Failed = true;
        return false;
    }

    private void SkipWs()
    {
        if (_uri)
        {
            return;
        }
        while (_pos < _text.Length && SipChars.IsWs(_text[_pos]))
        {
            _pos++;
        }
    }

    // RFC 3261 19.1.1 paramchar = param-unreserved / unreserved / escaped, for URIs; token elsewhere.
    private bool IsNameChar(byte c) => _uri ? IsUriParamChar(c) : SipChars.IsToken(c);

    // gen-value = token / host / quoted-string (host adds ':' '[' ']' for IPv6 references).
    private bool IsValueChar(byte c) => _uri ? IsUriParamChar(c) : SipChars.IsToken(c) || c is (byte)':' or (byte)'[' or (byte)']';

    internal static bool IsUriParamChar(byte c) =>
        SipChars.IsAlphaNum(c) || c is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'!' or (byte)'~' or (byte)'*'
            or (byte)'\'' or (byte)'(' or (byte)')' or (byte)'%' or (byte)'[' or (byte)']' or (byte)'/'
            or (byte)':' or (byte)'&' or (byte)'+' or (byte)'$';

    /// <summary>True when every parameter in <paramref name="text"/> is well formed.</summary>
    public static bool Validate(ReadOnlySpan<byte> text, bool uriParameters = false)
    {
        var reader = new SipParameterReader(text, uriParameters);
        while (reader.MoveNext(out _, out _, out _))
        {
        }
        return !reader.Failed;
    }

    /// <summary>Finds a parameter by case-insensitive name (RFC 3261 19.1.4, 7.3.1).</summary>
    public static bool TryGet(ReadOnlySpan<byte> text, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value, bool uriParameters = false)
    {
        var reader = new SipParameterReader(text, uriParameters);
        while (reader.MoveNext(out var n, out var v, out _))
        {
            if (SipChars.EqualsIgnoreCase(n, name))
            {
                value = v;
                return true;
            }
        }
        value = default;
        return false;
    }
}
