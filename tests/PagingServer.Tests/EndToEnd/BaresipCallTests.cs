using System.Globalization;

namespace PagingServer.Tests.EndToEnd;

/// <summary>
/// baresip, a complete phone, pages the published binary with a 1 kHz WAV; the tone arrives
/// at the speaker (recorded with jack_capture) clean, with G.722 and with Opus.
/// </summary>
[Collection(SerialAudio.Name)]
public sealed class BaresipCallTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [Theory]
    [InlineData("G722", "g722.so", 16000, 1)]
    [InlineData("opus", "opus.so", 48000, 2)]
    public void A_baresip_page_plays_its_tone_at_the_speaker(string codec, string module, int fileRate, int channels)
    {
        string baresip = Tool.Require("baresip", "baresip-core");
        using var pager = new Pager(work);
        string wav = Path.Combine(work.Path, "voice.wav");
        var sox = ProcessRun.Start(Tool.Require("sox", "sox"), ["-n", "-r", fileRate.ToString(CultureInfo.InvariantCulture), "-c", channels.ToString(CultureInfo.InvariantCulture), "-b", "16", wav, "synth", "3", "sine", "1000", "vol", "0.5"]);
        Assert.True(sox.ExitCode == 0, sox.ToString());
        string home = Path.Combine(work.Path, "baresip");
        Directory.CreateDirectory(home);
        File.WriteAllText(Path.Combine(home, "config"), $"""
            poll_method epoll
            sip_listen 127.0.0.1:{FreePort.Udp()}
            audio_source aufile,{wav}
            audio_player aufile,{Path.Combine(home, "heard.wav")}
            audio_alert aufile,{Path.Combine(home, "alert.wav")}
            module_path /usr/lib/baresip/modules
            module {module}
            module aufile.so
            module_app account.so
            module_app menu.so
            """);
        File.WriteAllText(Path.Combine(home, "accounts"), $"<sip:caller@127.0.0.1>;regint=0;audio_codecs={codec}\n");

        using var capture = new JackCapture(pager.Jack, "system:playback_1", TimeSpan.FromSeconds(7), work.Path);
        var run = ProcessRun.Start(baresip, ["-f", home, "-t", "8", "-e", $"/dial sip:pager@127.0.0.1:{pager.SipPort}"], home, TimeSpan.FromSeconds(30));
        float[] recorded = capture.Samples();

        var voice = ToneTrack.Of(recorded, 1000);
        int voiceStart = voice.FindIndex(a => a > 0.2), voiceEnd = voice.FindLastIndex(a => a > 0.2);
        Assert.True(voiceStart >= 0 && voiceEnd - voiceStart > 20, $"no tone at the speaker ({voiceStart}-{voiceEnd})\nbaresip: {run}\npaging:\n{pager.Process.Output}");
        var quality = ToneQuality.Measure(recorded.AsSpan((voiceStart + 5) * ToneTrack.Window, (voiceEnd - voiceStart - 10) * ToneTrack.Window), 1000, JackServer.Rate, ToneTrack.Window);
        // The pager's own account of the call (loss, concealment, buffer, ring under/overruns)
        // goes into the report beside the figures, so a poor whole-span SNR can be told apart
        // from a poor decoder.
        Assert.True(pager.Process.WaitForOutput("page ended", TimeSpan.FromSeconds(10)), pager.Process.Output);
        string account = pager.Process.Output.Split('\n').Last(l => l.Contains("page ended", StringComparison.Ordinal));
        TestReport.Write($"e2e-baresip-{codec}", $"baresip {codec} page: {quality} (expected level about 0.400); pager: {account[(account.IndexOf("page ended", StringComparison.Ordinal))..]}; JACK xruns while recording: {capture.Xruns}");
        Assert.True(quality.MedianSnrDb >= 30, $"{quality}; 1 kHz per 50 ms: {ToneTrack.Show(voice)}\nbaresip: {run}\npaging:\n{pager.Process.Output}");
        Assert.InRange(quality.MedianLevel, 0.36, 0.44);
        Assert.Contains($"page starts ({codec}", pager.Process.Output, StringComparison.OrdinalIgnoreCase);
    }
}
