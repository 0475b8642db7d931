using PagingServer.Sip.Text;

namespace PagingServer.Sip.Headers;

/// <summary>CSeq = 1*DIGIT LWS Method (RFC 3261 20.16; the number is below 2^31 when sent, up to 2^32-1 accepted, RFC 4475 3.1.2.4).</summary>
public readonly ref struct CSeqHeader
{
    /// <summary>The sequence number.</summary>
    public uint Number { get; init; }

    /// <summary>The method, case-sensitive (RFC 3261 7.1).</summary>
    public ReadOnlySpan<byte> Method { get; init; }

    /// <summary>Parses a CSeq value; false on overflow or bad syntax.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out CSeqHeader cseq)
    {
        cseq = default;
        var s = SipChars.Trim(value);
        int i = 0;
        while (i < s.Length && SipChars.IsDigit(s[i]))
        {
            i++;
        }
        if (!SipChars.TryParseUInt64(s[..i], uint.MaxValue, out ulong n))
        {
            return false;
        }
        int j = i;
        while (j < s.Length && SipChars.IsWs(s[j]))
        {
            j++;
        }
        if (j == i || !SipChars.IsAllToken(s[j..]))
        {
            return false;
        }
        cseq = new CSeqHeader { Number = (uint)n, Method = s[j..] };
        return true;
    }
}
