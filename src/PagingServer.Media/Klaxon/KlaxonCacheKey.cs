using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PagingServer.Media.Klaxon;

/// <summary>
/// Names a cache entry by everything that shapes its samples: the source bytes, the target
/// rate, the channel layout, the length limit and the converter (this code's version and the
/// resampler library's).
/// </summary>
internal static class KlaxonCacheKey
{
    /// <summary>Bump whenever the conversion changes its output for the same inputs (mixing,
    /// fade, decoding options), so entries written by an older build are not reused.</summary>
    public const int ConverterVersion = 1;

    public const int Length = SHA256.HashSizeInBytes;

    /// <summary>SHA-256 of the file's bytes, read as a stream so a long source is not held twice.</summary>
    public static byte[] HashSource(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return SHA256.HashData(stream);
    }

    public static byte[] Compute(ReadOnlySpan<byte> sourceHash, int sampleRate, int channels, TimeSpan maxLength, string resamplerId)
    {
        long limitTicks = maxLength <= TimeSpan.Zero ? 0 : maxLength.Ticks;
        string text = string.Create(
            CultureInfo.InvariantCulture,
            $"paging klaxon\nsource-sha256={Convert.ToHexStringLower(sourceHash)}\nrate={sampleRate}\nchannels={channels}\n"
            + $"max-length-ticks={limitTicks}\nconverter={ConverterVersion}\nresampler={resamplerId}\n");
        return SHA256.HashData(Encoding.UTF8.GetBytes(text));
    }

    public static string FileName(ReadOnlySpan<byte> key) => $"klaxon-{Convert.ToHexStringLower(key)}.f32";
}
