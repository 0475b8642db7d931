using System.Globalization;

namespace PagingServer.Media.Tests.Klaxon;

/// <summary>
/// Test klaxons made with sox and ffmpeg: an 880 Hz tone at half scale, faded in and out so
/// resampler edge effects stay out of the comparison and cross-correlation finds one lag.
/// </summary>
internal static class Sources
{
    public const int SourceRate = 32000;
    public const double ToneHz = 880;
    public const double Amplitude = 0.5;
    public const double Seconds = 2;

    /// <summary>Every format under test: name, file extension, and whether only ffmpeg reads it.</summary>
    public static readonly (string Format, bool Lossy, bool FfmpegOnly)[] Formats =
    [
        ("wav16", false, false), ("wav24", false, false), ("wav32", false, false), ("wavfloat", false, false),
        ("flac", false, false), ("vorbis", true, false), ("opus", true, false), ("mp3", true, false),
        ("aac", true, true), ("wma", true, true),
    ];

    /// <summary>Writes the tone in <paramref name="format"/> into <paramref name="dir"/> and returns its path.</summary>
    public static string Make(
        TempDirectory dir, string format, double toneHz = ToneHz, double seconds = Seconds, int channels = 1, int rate = SourceRate)
    {
        string master = dir.File($"master-{toneHz}-{seconds}-{channels}-{rate}.wav");
        if (!File.Exists(master))
        {
            Tone(master, toneHz, seconds, channels, rate, "-b", "32", "-e", "floating-point");
        }

        string name = dir.File($"tone-{toneHz}-{seconds}-{channels}-{rate}-{format}");
        switch (format)
        {
            case "wav16": Tone(name += ".wav", toneHz, seconds, channels, rate, "-b", "16", "-e", "signed-integer"); break;
            case "wav24": Tone(name += ".wav", toneHz, seconds, channels, rate, "-b", "24", "-e", "signed-integer"); break;
            case "wav32": Tone(name += ".wav", toneHz, seconds, channels, rate, "-b", "32", "-e", "signed-integer"); break;
            case "wavfloat": name = master; break;
            case "flac": Tone(name += ".flac", toneHz, seconds, channels, rate, "-b", "16"); break;
            case "vorbis": Ffmpeg(master, name += ".ogg", "libvorbis", "-q:a", "6"); break;
            case "opus": Ffmpeg(master, name += ".opus", "libopus", "-b:a", "128k"); break;
            case "mp3": Ffmpeg(master, name += ".mp3", "libmp3lame", "-b:a", "192k"); break;
            case "aac": Ffmpeg(master, name += ".m4a", "aac", "-b:a", "160k"); break;
            case "wma": Ffmpeg(master, name += ".wma", "wmav2", "-b:a", "128k"); break;
            default: throw new ArgumentException($"unknown format {format}", nameof(format));
        }

        return name;
    }

    private static void Tone(string path, double toneHz, double seconds, int channels, int rate, params string[] encoding)
    {
        string s = seconds.ToString(CultureInfo.InvariantCulture);
        // In stereo the right channel is a fifth up, so mixing and channel order are visible.
        string[] synth = channels == 1
            ? ["sine", toneHz.ToString(CultureInfo.InvariantCulture)]
            : ["sine", toneHz.ToString(CultureInfo.InvariantCulture), "sine", (toneHz * 1.5).ToString(CultureInfo.InvariantCulture)];
        Tools.Run(
            "sox",
            ["-D", "-n", "-r", rate.ToString(CultureInfo.InvariantCulture), "-c", channels.ToString(CultureInfo.InvariantCulture),
             .. encoding, path, "synth", s, .. synth, "vol", Amplitude.ToString(CultureInfo.InvariantCulture),
             "fade", "h", "0.05", s, "0.05"]);
    }

    private static void Ffmpeg(string input, string output, string codec, params string[] options) =>
        Tools.Run("ffmpeg", ["-nostdin", "-v", "error", "-y", "-i", input, "-c:a", codec, .. options, output]);
}
