using PagingServer.Sip.Text;

namespace PagingServer.Sip.Auth;

/// <summary>
/// Reads "Scheme name=value, name="quoted", ..." (RFC 3261 25.1 challenge / credentials,
/// RFC 7616 3.3-3.4). Quoted values are returned without their quotes.
/// </summary>
internal ref struct DigestParamReader
{
    private readonly ReadOnlySpan<byte> _text;
    private int _pos;

    public DigestParamReader(ReadOnlySpan<byte> headerValue, out ReadOnlySpan<byte> scheme)
    {
        _text = SipChars.Trim(headerValue);
        int i = 0;
        while (i < _text.Length && SipChars.IsToken(_text[i]))
        {
            i++;
        }
        scheme = _text[..i];
        _pos = i;
        Failed = scheme.IsEmpty || (i < _text.Length && !SipChars.IsWs(_text[i]));
    }

    public bool Failed { get; private set; }

    public bool MoveNext(out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        name = value = default;
        SkipWsAndCommas(out bool sawComma, out bool first);
        if (Failed || _pos >= _text.Length)
        {
            return false;
        }
        if (!first && !sawComma)
        {
            return Fail();
        }
        int start = _pos;
        while (_pos < _text.Length && SipChars.IsToken(_text[_pos]))
        {
            _pos++;
        }
        name = _text[start.._pos];
        SkipWs();
        if (name.IsEmpty || _pos >= _text.Length || _text[_pos] != '=')
        {
            return Fail();
        }
        _pos++;
        SkipWs();
        if (_pos < _text.Length && _text[_pos] == '"')
        {
            int q = SipChars.QuotedStringLength(_text[_pos..]);
            if (q < 0)
            {
                return Fail();
            }
            value = _text.Slice(_pos + 1, q - 2);
            _pos += q;
        }
        else
        {
            start = _pos;
            while (_pos < _text.Length && SipChars.IsToken(_text[_pos]))
            {
                _pos++;
            }
            value = _text[start.._pos];
            if (value.IsEmpty)
            {
                return Fail();
            }
        }
        _started = true;
        return true;
    }

    private bool _started;

    private void SkipWsAndCommas(out bool sawComma, out bool first)
    {
        first = !_started;
        sawComma = false;
        SkipWs();
        while (_pos < _text.Length && _text[_pos] == ',')
        {
            sawComma = true;
            _pos++;
            SkipWs();
        }
    }

    private void SkipWs()
    {
        while (_pos < _text.Length && SipChars.IsWs(_text[_pos]))
        {
            _pos++;
        }
    }

    private bool Fail()
    {
        Failed = true;
        return false;
    }
}
