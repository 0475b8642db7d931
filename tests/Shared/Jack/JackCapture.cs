using System.Globalization;
using System.Runtime.InteropServices;

namespace PagingServer.Testing;

/// <summary>
/// Records what a JACK port plays with jack_capture (a real client, as an installer would use),
/// then reads it back as float samples at the server's rate.
/// </summary>
public sealed class JackCapture : IDisposable
{
    private readonly RunningProcess process;
    private readonly string wav;
    private readonly TimeSpan duration;

    public JackCapture(JackServer server, string port, TimeSpan duration, string folder)
    {
        this.duration = duration;
        wav = Path.Combine(folder, $"capture-{Guid.NewGuid():N}.wav");
        process = new RunningProcess(Tool.Require("jack_capture", "jack-capture"),
            ["-d", duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture), "-dc", "-ns", "-c", "1", "-p", port, "-fn", wav],
            server.ClientEnv);
    }

    /// <summary>Waits for the recording to end and returns its samples.</summary>
    public float[] Samples()
    {
        Assert.True(process.WaitForExit(duration + TimeSpan.FromSeconds(10)) == 0, $"jack_capture failed: {process.Output}");
        string raw = Path.ChangeExtension(wav, ".f32");
        var sox = ProcessRun.Start(Tool.Require("sox", "sox"), [wav, "-t", "raw", "-e", "floating-point", "-b", "32", raw]);
        Assert.True(sox.ExitCode == 0, sox.ToString());
        return MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(raw)).ToArray();
    }

    /// <summary>The xruns jack_capture counted while recording ("encountered N jack x-runs"),
    /// 0 when it reported none: on the dummy driver they are cycles the whole server lost.</summary>
    public int Xruns
    {
        get
        {
            var m = System.Text.RegularExpressions.Regex.Match(process.Output, @"encountered (\d+) jack x-runs");
            return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        }
    }

    public void Dispose() => process.Dispose();
}
