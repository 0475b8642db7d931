using System.Net;
using System.Net.Sockets;

namespace PagingServer.Sip;

/// <summary>
/// Who may call: addresses and networks, from the allow-from list, the registrar and the proxy.
/// Host names are resolved when the list is built (at start and on reload), never per call.
/// </summary>
public sealed class SipAccessList
{
    private readonly List<IPNetwork> _networks;

    private SipAccessList(List<IPNetwork> networks, IReadOnlyList<string> unresolved)
    {
        _networks = networks;
        Unresolved = unresolved;
    }

    /// <summary>Entries that were neither an address, a network, nor a resolvable host name.</summary>
    public IReadOnlyList<string> Unresolved { get; }

    /// <summary>The networks allowed (single addresses as /32 or /128).</summary>
    public IReadOnlyList<IPNetwork> Networks => _networks;

    /// <summary>
    /// Builds the list from <paramref name="entries"/> ("192.0.2.7", "10.0.0.0/8", "2001:db8::/32",
    /// "pbx.example.net"). With no entries at all, loopback only (listen-only default).
    /// </summary>
    public static SipAccessList Build(IEnumerable<string> entries, Func<string, IPAddress[]>? resolve = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        resolve ??= Dns.GetHostAddresses;
        var networks = new List<IPNetwork>();
        var unresolved = new List<string>();
        foreach (string raw in entries)
        {
            string entry = raw.Trim();
            if (entry.Length == 0)
            {
                continue;
            }
            if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(Single(address));
            }
            else if (entry.Contains('/', StringComparison.Ordinal) && IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else
            {
                try
                {
                    foreach (var a in resolve(entry))
                    {
                        networks.Add(Single(a));
                    }
                }
                catch (Exception e) when (e is SocketException or ArgumentException)
                {
                    unresolved.Add(entry);
                }
            }
        }
        if (networks.Count == 0 && unresolved.Count == 0)
        {
            // The network address itself: .NET 9 refuses a base address with host bits set.
            networks.Add(new IPNetwork(new IPAddress([127, 0, 0, 0]), 8));
            networks.Add(Single(IPAddress.IPv6Loopback));
        }
        return new SipAccessList(networks, unresolved);
    }

    /// <summary>True when <paramref name="address"/> is inside one of the networks.</summary>
    public bool Allows(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var a = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        foreach (var n in _networks)
        {
            if (n.BaseAddress.AddressFamily == a.AddressFamily && n.Contains(a))
            {
                return true;
            }
        }
        return false;
    }

    private static IPNetwork Single(IPAddress a)
    {
        var ip = a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a;
        if (ip.AddressFamily == AddressFamily.InterNetworkV6 && ip.ScopeId != 0)
        {
            ip = new IPAddress(ip.GetAddressBytes());
        }
        return new IPNetwork(ip, ip.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
    }
}
