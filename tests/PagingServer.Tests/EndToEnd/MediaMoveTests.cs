using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace PagingServer.Tests.EndToEnd;

/// <summary>
/// A caller moves its audio mid-page with a re-INVITE (a transfer behind a B2BUA, a media relay
/// re-routed): the published binary follows the new address and the new SSRC, and refuses the
/// old stream that keeps coming (no RTP bleed from where the audio used to be).
/// </summary>
[Collection(SerialAudio.Name)]
public sealed partial class MediaMoveTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [Fact]
    public void After_a_re_invite_moves_the_media_the_new_stream_plays_and_the_old_address_is_refused()
    {
        using var pager = new Pager(work);
        using var before = new RtpToneSender(1000, ssrc: 0x1111);
        using var after = new RtpToneSender(600, ssrc: 0x2222);
        string scenario = SippCaller.Scenario(work, "move_media.xml", speak: TimeSpan.FromSeconds(2.5), fill: new Dictionary<string, string>
        {
            ["PORT_A"] = Pager.Number(before.Port),
            ["PORT_B"] = Pager.Number(after.Port),
            ["MOVE_MS"] = "2000",
        });

        using var capture = new JackCapture(pager.Jack, "system:playback_1", TimeSpan.FromSeconds(8), work.Path);
        Thread.Sleep(300);
        using var sipp = SippCaller.Start(pager, scenario, work.Path);
        Assert.True(pager.Process.WaitForOutput("answered, audio on port", TimeSpan.FromSeconds(10)), $"{pager.Process.Output}\nsipp: {sipp.Output}");
        var rtp = new IPEndPoint(IPAddress.Loopback, int.Parse(AnsweredPort().Match(pager.Process.Output).Groups[1].Value, CultureInfo.InvariantCulture));
        before.Start(rtp);
        Assert.True(pager.Process.WaitForOutput($"audio now from 127.0.0.1:{after.Port}", TimeSpan.FromSeconds(10)), $"{pager.Process.Output}\nsipp: {sipp.Output}");
        after.Start(rtp); // the old stream goes on too: it must not be heard
        Assert.True(sipp.WaitForExit(TimeSpan.FromSeconds(15)) == 0, $"sipp: {sipp.Output}\npaging:\n{pager.Process.Output}");
        float[] recorded = capture.Samples();

        var first = ToneTrack.Of(recorded, 1000);
        var second = ToneTrack.Of(recorded, 600);
        int firstStart = first.FindIndex(a => a > 0.2), secondStart = second.FindIndex(a => a > 0.2), secondEnd = second.FindLastIndex(a => a > 0.2);
        string where = $"1 kHz from {firstStart}, 600 Hz {secondStart}-{secondEnd} (50 ms windows)\n{pager.Process.Output}";
        Assert.True(firstStart >= 0 && secondStart > firstStart + 10 && secondEnd - secondStart > 20, where);

        // Before the move: the first stream at volume-call (0.5 x 80 %).
        Assert.InRange(ToneTrack.Median(first, firstStart + 2, secondStart - 2), 0.3, 0.5);
        // After it: the new stream plays; the old one, still arriving, is refused. A few windows
        // of margin for the jitter buffer's last packets of the old stream.
        Assert.InRange(ToneTrack.Median(second, secondStart + 4, secondEnd - 2), 0.3, 0.5);
        double bleed = first.Skip(secondStart + 4).Take(secondEnd - secondStart - 6).Max();
        TestReport.Write("e2e-media-move", $"re-INVITE moved the media: new stream level {ToneTrack.Median(second, secondStart + 4, secondEnd - 2):0.000}, old stream after the move at most {bleed:0.0000}");
        Assert.True(bleed < 0.02, $"the old stream is still heard after the move: {bleed:0.000}\n{where}");
        Assert.True(pager.Process.WaitForOutput("page ended", TimeSpan.FromSeconds(5)), pager.Process.Output);
    }

    [GeneratedRegex(@"answered, audio on port (\d+)")]
    private static partial Regex AnsweredPort();
}
