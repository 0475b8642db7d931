using System.Buffers.Binary;
using System.Text;

namespace PagingServer.Testing;

/// <summary>jackd2 keeps up to 8 servers in /dev/shm/jack-shm-registry and only reclaims a dead
/// server's entry when a server of the same name starts; a test run that crashed would leave
/// entries behind until no new server can start ("Too many servers already active"). This
/// frees entries of dead test servers (names starting with the tests' prefix) only.</summary>
public static class JackShmJanitor
{
    private const string Registry = "/dev/shm/jack-shm-registry";
    private const int HeaderLength = 24; // magic, protocol, type, size, hdr_len, entry_len
    private const int EntryLength = 264; // pid_t + char[JACK_SERVER_NAME_SIZE + 1], padded
    private const int MaxServers = 8;

    public static void ReclaimDeadTestServers(string prefix)
    {
        if (!File.Exists(Registry))
        {
            return;
        }

        using var f = new FileStream(Registry, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        var entry = new byte[EntryLength];
        for (var i = 0; i < MaxServers; i++)
        {
            var offset = HeaderLength + (i * EntryLength);
            f.Position = offset;
            if (f.Read(entry) != EntryLength)
            {
                return;
            }

            var pid = BinaryPrimitives.ReadInt32LittleEndian(entry);
            var name = Encoding.ASCII.GetString(entry, 4, EntryLength - 4).Split('\0')[0];
            // Entries read "jack-UID:SERVER:".
            var parts = name.Split(':');
            if (pid == 0 || parts.Length < 2 || !parts[1].StartsWith(prefix, StringComparison.Ordinal) || Directory.Exists($"/proc/{pid}"))
            {
                continue;
            }

            f.Position = offset;
            f.Write(new byte[EntryLength]);
            foreach (var stale in Directory.GetFiles("/dev/shm", $"jack*{parts[1]}*"))
            {
                File.Delete(stale);
            }
        }
    }
}
