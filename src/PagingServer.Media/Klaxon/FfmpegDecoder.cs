using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace PagingServer.Media.Klaxon;

/// <summary>
/// Decodes what libsndfile cannot read (AAC, WMA...) with the <c>ffmpeg</c> command: the first
/// audio stream is piped out as 32-bit float at its own rate and channel count, and converted
/// by this library like any other source.
/// </summary>
internal static class FfmpegDecoder
{
    public const string Name = "ffmpeg";

    private const int ReadChunk = 64 * 1024;

    public static DecodeOutcome Decode(string ffmpegPath, string path, TimeSpan maxLength, Action<double>? progress)
    {
        var start = new ProcessStartInfo(ffmpegPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (string arg in Arguments(path, maxLength))
        {
            start.ArgumentList.Add(arg);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception e)
        {
            return new(DecodeStatus.DecoderMissing, null, $"'{ffmpegPath}' cannot be run ({e.Message})");
        }

        if (process is null)
        {
            return new(DecodeStatus.DecoderMissing, null, $"'{ffmpegPath}' did not start");
        }

        using (process)
        {
            // Drain stderr concurrently: a full stderr pipe would block ffmpeg and so stdout.
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            byte[] output;
            try
            {
                output = ReadAll(process.StandardOutput.BaseStream, maxLength, progress);
            }
            catch (IOException e)
            {
                process.Kill();
                return new(DecodeStatus.Failed, null, $"reading ffmpeg's output failed ({e.Message})");
            }

            process.WaitForExit();
            string messages = stderr.GetAwaiter().GetResult().Trim();
            if (process.ExitCode != 0)
            {
                string last = messages.Length == 0 ? $"exit status {process.ExitCode}" : messages.Split('\n')[^1].Trim();
                return new(DecodeStatus.Failed, null, $"ffmpeg failed: {last}");
            }

            return Parse(output);
        }
    }

    private static string[] Arguments(string path, TimeSpan maxLength)
    {
        var args = new List<string>
        {
            "-nostdin", "-hide_banner", "-loglevel", "error",
            // The file: prefix keeps a name with a colon or a leading dash from being read as
            // a protocol or an option.
            "-i", "file:" + Path.GetFullPath(path),
            "-map", "0:a:0", "-vn", "-sn", "-dn", "-map_metadata", "-1",
        };
        if (maxLength > TimeSpan.Zero)
        {
            double seconds = (double)SourceLimit.Frames(maxLength, 1000) / 1000;
            args.AddRange(["-t", seconds.ToString("0.###", CultureInfo.InvariantCulture)]);
        }

        args.AddRange(["-c:a", "pcm_f32le", "-f", "wav", "pipe:1"]);
        return [.. args];
    }

    private static byte[] ReadAll(Stream stdout, TimeSpan maxLength, Action<double>? progress)
    {
        using var all = new MemoryStream();
        byte[] chunk = new byte[ReadChunk];
        double expectedBytes = 0;
        int n;
        while ((n = stdout.Read(chunk)) > 0)
        {
            all.Write(chunk, 0, n);
            // Only a length limit gives a total to report progress against; the header tells
            // how many bytes a second of it takes.
            if (maxLength > TimeSpan.Zero && expectedBytes == 0
                && WavPipeHeader.TryParse(all.GetBuffer().AsSpan(0, (int)all.Length), out int channels, out int rate, out _))
            {
                expectedBytes = maxLength.TotalSeconds * rate * channels * sizeof(float);
            }

            if (expectedBytes > 0)
            {
                progress?.Invoke(Math.Min(1.0, all.Length / expectedBytes));
            }
        }

        return all.ToArray();
    }

    private static DecodeOutcome Parse(byte[] output)
    {
        if (!WavPipeHeader.TryParse(output, out int channels, out int sampleRate, out int dataOffset))
        {
            return new(DecodeStatus.Failed, null, "ffmpeg produced no readable float WAV stream");
        }

        int frames = (output.Length - dataOffset) / (channels * sizeof(float));
        if (frames == 0)
        {
            return new(DecodeStatus.Failed, null, "ffmpeg decoded no audio frames");
        }

        float[] samples = new float[frames * channels];
        MemoryMarshal.Cast<byte, float>(output.AsSpan(dataOffset, samples.Length * sizeof(float))).CopyTo(samples);
        return DecodeOutcome.Ok(new DecodedAudio(samples, frames, channels, sampleRate, Name));
    }
}
