using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace PagingServer.Media.Klaxon;

internal static partial class KlaxonCacheFile
{
    /// <summary>Loads and checks an entry: magic, version, shape, key, length and checksum.</summary>
    public static CacheReadOutcome TryRead(string path, ReadOnlySpan<byte> key, int sampleRate, int channels)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new(CacheEntryStatus.Missing, null, "no entry");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(CacheEntryStatus.Unreadable, null, e.Message);
        }

        using (handle)
        {
            try
            {
                return Read(handle, key, sampleRate, channels);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new(CacheEntryStatus.Unreadable, null, e.Message);
            }
        }
    }

    private static CacheReadOutcome Read(SafeFileHandle handle, ReadOnlySpan<byte> key, int sampleRate, int channels)
    {
        long length = RandomAccess.GetLength(handle);
        Span<byte> header = stackalloc byte[HeaderLength];
        if (length < HeaderLength || ReadFully(handle, header, 0) != HeaderLength)
        {
            return Damaged($"{length} bytes is shorter than the {HeaderLength}-byte header");
        }

        string? problem = CheckHeader(header, key, sampleRate, channels, out long frames);
        if (problem is not null)
        {
            return Damaged(problem);
        }

        long expected = HeaderLength + (frames * channels * sizeof(float));
        if (length != expected)
        {
            return Damaged($"length is {length} bytes, the header says {expected}");
        }

        float[] samples = new float[frames * channels];
        Span<byte> payload = MemoryMarshal.AsBytes(samples.AsSpan());
        if (ReadFully(handle, payload, HeaderLength) != payload.Length)
        {
            return Damaged("the file ended early while reading");
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(header[..ChecksumOffset]);
        sha.AppendData(payload);
        Span<byte> checksum = stackalloc byte[KlaxonCacheKey.Length];
        sha.GetHashAndReset(checksum);
        return checksum.SequenceEqual(header.Slice(ChecksumOffset, KlaxonCacheKey.Length))
            ? new(CacheEntryStatus.Valid, samples, string.Empty)
            : Damaged("checksum mismatch");
    }

    private static string? CheckHeader(ReadOnlySpan<byte> header, ReadOnlySpan<byte> key, int sampleRate, int channels, out long frames)
    {
        frames = 0;
        if (!header[..8].SequenceEqual(Magic))
        {
            return "bad magic";
        }

        uint version = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        if (version != FormatVersion)
        {
            return $"format version {version}, expected {FormatVersion}";
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(header[12..]) != (uint)sampleRate
            || BinaryPrimitives.ReadUInt32LittleEndian(header[16..]) != (uint)channels
            || !header.Slice(32, KlaxonCacheKey.Length).SequenceEqual(key))
        {
            return "header does not match the requested rate, layout or key";
        }

        ulong count = BinaryPrimitives.ReadUInt64LittleEndian(header[24..]);
        if (count == 0 || count > (ulong)(Array.MaxLength / channels))
        {
            return $"implausible frame count {count}";
        }

        frames = (long)count;
        return null;
    }

    private static int ReadFully(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = RandomAccess.Read(handle, buffer[total..], offset + total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    private static CacheReadOutcome Damaged(string reason) => new(CacheEntryStatus.Damaged, null, reason);
}
