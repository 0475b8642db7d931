using System.Buffers.Binary;

namespace PagingServer.Media.Klaxon;

internal enum CacheEntryStatus
{
    Valid,
    Missing,
    Damaged,
    Unreadable,
}

internal readonly record struct CacheReadOutcome(CacheEntryStatus Status, float[]? Samples, string Reason);

/// <summary>
/// One converted klaxon on disk. Layout (little-endian):
/// <code>
///  0  magic "PGKLAXON"        8 bytes
///  8  file format version     u32
/// 12  sample rate (Hz)        u32
/// 16  channels                u32
/// 20  reserved, zero          u32
/// 24  frames                  u64
/// 32  cache key               32 bytes (SHA-256, see KlaxonCacheKey)
/// 64  checksum                32 bytes: SHA-256 of bytes 0..63 followed by the samples
/// 96  samples                 frames x channels float32, interleaved
/// </code>
/// The checksum covers the header too, so a flipped bit anywhere is caught.
/// </summary>
internal static partial class KlaxonCacheFile
{
    public const int HeaderLength = 96;
    public const int ChecksumOffset = 64;
    public const uint FormatVersion = 1;

    public static ReadOnlySpan<byte> Magic => "PGKLAXON"u8;

    private static void WriteHeader(Span<byte> header, ReadOnlySpan<byte> key, int sampleRate, int channels, long frames)
    {
        header.Clear();
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], FormatVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)channels);
        BinaryPrimitives.WriteUInt64LittleEndian(header[24..], (ulong)frames);
        key.CopyTo(header[32..]);
    }
}
