using System.Globalization;
using System.Runtime.InteropServices;

namespace PagingServer.Media.Tests.Klaxon;

/// <summary>Reference conversions made by sox's very-high-quality resampler (`rate -v`).</summary>
internal static class Reference
{
    /// <summary>
    /// Converts <paramref name="source"/> to mono float at <paramref name="rate"/>. A file sox
    /// cannot read itself (or a lossy one) is first decoded by ffmpeg, so the comparison
    /// measures the resampler, not the codec.
    /// </summary>
    public static float[] Convert(TempDirectory dir, string source, int rate, bool decodeWithFfmpeg)
    {
        string input = source;
        string stem = Path.GetFileName(source) + "-" + rate.ToString(CultureInfo.InvariantCulture);
        if (decodeWithFfmpeg)
        {
            input = dir.File(stem + "-decoded.wav");
            Tools.Run("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", source, "-c:a", "pcm_f32le", input);
        }

        string raw = dir.File(stem + "-ref.f32");
        Tools.Run(
            "sox", "-D", input, "-t", "raw", "-e", "floating-point", "-b", "32", "-c", "1", raw,
            "rate", "-v", rate.ToString(CultureInfo.InvariantCulture));
        return ReadRaw(raw);
    }

    public static float[] ReadRaw(string path) => MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(path)).ToArray();
}
