using PagingServer.Sip.Text;

namespace PagingServer.Sip.Uri;

/// <summary>host [":" port] (RFC 3261 25.1 hostport; IPv6 references per RFC 5118).</summary>
public static class SipHost
{
    /// <summary>Splits and checks hostport; <paramref name="port"/> is -1 when absent.</summary>
    public static bool TrySplitHostPort(ReadOnlySpan<byte> hostport, out ReadOnlySpan<byte> host, out int port)
    {
        port = -1;
        host = default;
        if (hostport.IsEmpty)
        {
            return false;
        }
        int end;
        if (hostport[0] == '[')
        {
            end = hostport.IndexOf((byte)']') + 1;
            if (end <= 2 || !IsIpv6Reference(hostport[..end]))
            {
                return false;
            }
        }
        else
        {
            end = 0;
            while (end < hostport.Length && (SipChars.IsAlphaNum(hostport[end]) || hostport[end] is (byte)'-' or (byte)'.'))
            {
                end++;
            }
            if (end == 0)
            {
                return false;
            }
        }
        host = hostport[..end];
        var tail = hostport[end..];
        if (tail.IsEmpty)
        {
            return true;
        }
        return tail[0] == ':' && SipChars.TryParseInt(tail[1..], 65535, out port);
    }

    private static bool IsIpv6Reference(ReadOnlySpan<byte> s)
    {
        foreach (byte c in s[1..^1])
        {
            if (!SipChars.IsHex(c) && c is not ((byte)':' or (byte)'.'))
            {
                return false;
            }
        }
        return true;
    }
}
