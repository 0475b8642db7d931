using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace PagingServer.Media.Klaxon;

internal static partial class KlaxonCacheFile
{
    /// <summary>
    /// Writes an entry atomically: a private temporary file in the same directory, flushed to
    /// disk, then renamed over the entry (rename(2) replaces atomically within one file
    /// system). Two writers of the same entry each rename a complete file, so whichever wins,
    /// readers only ever see a whole entry; a torn write after a power cut fails the checksum.
    /// </summary>
    /// <returns>Null on success, otherwise why the entry could not be written.</returns>
    public static string? TryWrite(string directory, string path, ReadOnlySpan<byte> key, int sampleRate, int channels, float[] samples)
    {
        string temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            ReadOnlySpan<byte> payload = MemoryMarshal.AsBytes(samples.AsSpan());
            byte[] header = new byte[HeaderLength];
            WriteHeader(header, key, sampleRate, channels, samples.Length / channels);
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                sha.AppendData(header.AsSpan(0, ChecksumOffset));
                sha.AppendData(payload);
                sha.GetHashAndReset(header.AsSpan(ChecksumOffset, KlaxonCacheKey.Length));
            }

            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                stream.Write(header);
                stream.Write(payload);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
            RemoveAbandonedTemporaries(directory, path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            TryDelete(temp);
            return e.Message;
        }
    }

    /// <summary>
    /// Deletes temporary files of this entry left by writers that died before the rename (their
    /// process id is in the name); a live writer's file is left alone.
    /// </summary>
    private static void RemoveAbandonedTemporaries(string directory, string path)
    {
        foreach (string file in Directory.EnumerateFiles(directory, $".{Path.GetFileName(path)}.*.tmp"))
        {
            string[] parts = Path.GetFileName(file).Split('.');
            if (parts.Length >= 4 && int.TryParse(parts[^3], out int pid) && !ProcessIsAlive(pid))
            {
                TryDelete(file);
            }
        }
    }

    private static bool ProcessIsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary file is harmless; it never matches an entry name.
        }
    }
}
