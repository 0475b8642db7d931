using System.Net;

namespace PagingServer.Configuration.Options;

/// <summary>Checks for network-shaped option values.</summary>
internal static class NetworkValues
{
    public static readonly string[] Codecs = ["G722", "PCMU", "PCMA", "opus"];

    /// <summary>An address, a network in CIDR form, or a host name (resolved at start and on reload).</summary>
    public static string? AllowFromEntry(string word)
    {
        string address = word;
        int slash = word.IndexOf('/');
        if (slash >= 0)
        {
            address = word[..slash];
            bool ok = IPAddress.TryParse(address, out IPAddress? network) && int.TryParse(word[(slash + 1)..], out int bits)
                && bits >= 0 && bits <= (network.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            if (!ok)
                return $"'{word}' is not a network (use ADDRESS/BITS, e.g. 10.0.0.0/8)";
            return HostBitsClear(network!.GetAddressBytes(), int.Parse(word[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture))
                ? null
                : $"'{word}' has host bits set: write the network's first address (e.g. 10.0.0.0/8 rather than 10.1.2.3/8)";
        }
        if (IPAddress.TryParse(address, out _) || Uri.CheckHostName(address) == UriHostNameType.Dns)
            return null;
        return $"'{word}' is neither an address, a network nor a host name";
    }

    private static bool HostBitsClear(byte[] address, int prefixBits)
    {
        for (int bit = prefixBits; bit < address.Length * 8; bit++)
        {
            if ((address[bit / 8] & (0x80 >> (bit % 8))) != 0)
                return false;
        }
        return true;
    }

    public static string? Codec(string word) =>
        Codecs.Contains(word, StringComparer.OrdinalIgnoreCase) ? null : $"unknown codec '{word}' (known: {string.Join(", ", Codecs)})";

    public static string? ListenAddress(string text) =>
        IPAddress.TryParse(text, out _) ? null : $"'{text}' is not an IP address (0.0.0.0 listens on every IPv4 address, :: on every address)";
}
