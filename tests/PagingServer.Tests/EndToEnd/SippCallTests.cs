namespace PagingServer.Tests.EndToEnd;

/// <summary>
/// The published binary answering a real caller: sipp sends a PCMU page with a 1 kHz voice;
/// the klaxon, then the voice, arrive at the speaker (recorded with jack_capture).
/// </summary>
[Collection(SerialAudio.Name)]
public sealed class SippCallTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [Fact]
    public void A_sipp_page_is_answered_after_the_klaxon_and_its_voice_reaches_the_speaker_clean()
    {
        using var pager = new Pager(work);
        string scenario = SippCaller.Page(work, "page_pcmu.xml", TimeSpan.FromSeconds(2.4), speak: TimeSpan.FromSeconds(2.6));

        using var capture = new JackCapture(pager.Jack, "system:playback_1", TimeSpan.FromSeconds(6), work.Path);
        Thread.Sleep(300);
        var sipp = SippCaller.Run(pager, scenario, work.Path);
        float[] recorded = capture.Samples();

        Assert.True(sipp.ExitCode == 0, $"sipp: {sipp}\npaging:\n{pager.Process.Output}");
        var klaxon = ToneTrack.Of(recorded, 880);
        var voice = ToneTrack.Of(recorded, 1000);
        int klaxonStart = klaxon.FindIndex(a => a > 0.2), klaxonEnd = klaxon.FindLastIndex(a => a > 0.2);
        int voiceStart = voice.FindIndex(a => a > 0.2), voiceEnd = voice.FindLastIndex(a => a > 0.2);
        Assert.True(klaxonStart >= 0 && voiceStart > klaxonEnd && voiceEnd - voiceStart > 20,
            $"klaxon {klaxonStart}-{klaxonEnd}, voice {voiceStart}-{voiceEnd} (50 ms windows)\n{pager.Process.Output}");
        // The median window: a cycle the dummy driver loses leaves one window short.
        var klaxonLevels = klaxon.Skip(klaxonStart + 1).Take(Math.Max(1, klaxonEnd - klaxonStart - 1)).Order().ToList();
        Assert.InRange(klaxonLevels[klaxonLevels.Count / 2], 0.4, 0.5);

        // The middle of the voice: the tone at volume-call (0.5 x 80 %) and clean.
        var quality = ToneQuality.Measure(recorded.AsSpan((voiceStart + 5) * ToneTrack.Window, (voiceEnd - voiceStart - 10) * ToneTrack.Window), 1000, JackServer.Rate, ToneTrack.Window);
        TestReport.Write("e2e-sipp-pcmu", $"sipp PCMU page: klaxon then voice; {quality} (expected level 0.400); JACK xruns while recording: {capture.Xruns}");
        Assert.InRange(quality.MedianLevel, 0.36, 0.44);
        Assert.True(quality.MedianSnrDb >= 30, $"{quality}\n{pager.Process.Output}");
        Assert.True(pager.Process.WaitForOutput("page ended", TimeSpan.FromSeconds(5)), pager.Process.Output);
    }
}
