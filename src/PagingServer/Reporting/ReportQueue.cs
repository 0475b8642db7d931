namespace PagingServer.Reporting;

/// <summary>
/// Envelopes waiting to be sent, one file each in a folder, so reports made while the network
/// is down survive until it is back, and a restart too. Bounded: past <see cref="Capacity"/>
/// the oldest are dropped. Files are written to a temporary name and renamed, so a crash never
/// leaves half an envelope to send.
/// </summary>
internal sealed class ReportQueue(string directory, int capacity = 20)
{
    private const string Suffix = ".envelope";
    private long sequence;

    public int Capacity { get; } = capacity;

    public string Directory { get; } = directory;

    /// <summary>Stores an envelope; false when the folder cannot be written (the caller keeps it in memory).</summary>
    public bool TryAdd(byte[] envelope)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            string name = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Interlocked.Increment(ref sequence):D6}-{Guid.NewGuid():N}";
            string temporary = Path.Combine(Directory, name + ".tmp");
            File.WriteAllBytes(temporary, envelope);
            File.Move(temporary, Path.Combine(Directory, name + Suffix));
            foreach (string old in Pending().SkipLast(Capacity))
                File.Delete(old);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Waiting envelopes, oldest first.</summary>
    public IReadOnlyList<string> Pending()
    {
        try
        {
            return [.. System.IO.Directory.EnumerateFiles(Directory, "*" + Suffix).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public static byte[]? Read(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void Remove(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Sent already; at worst it is sent again after a restart.
        }
    }
}
