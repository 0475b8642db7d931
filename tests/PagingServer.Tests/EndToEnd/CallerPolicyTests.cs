namespace PagingServer.Tests.EndToEnd;

/// <summary>Callers who give up and callers who may not page, against the published binary.</summary>
[Collection(SerialAudio.Name)]
public sealed class CallerPolicyTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [Fact]
    public void Cancel_during_the_klaxon_gets_487_and_cuts_the_klaxon_short()
    {
        // A 4 s klaxon: the caller hangs up while it plays.
        using var again = new Pager(work, klaxonSeconds: 4);

        using var capture = new JackCapture(again.Jack, "system:playback_1", TimeSpan.FromSeconds(5), work.Path);
        Thread.Sleep(300);
        var sipp = SippCaller.Run(again, SippCaller.Scenario(work, "cancel_during_klaxon.xml"), work.Path);
        float[] recorded = capture.Samples();

        Assert.True(sipp.ExitCode == 0, $"{sipp}\n{again.Process.Output}");
        Assert.True(again.Process.WaitForOutput("page ended (Cancelled)", TimeSpan.FromSeconds(5)), again.Process.Output);
        Assert.DoesNotContain("answered", again.Process.Output);
        int klaxonWindows = ToneTrack.Of(recorded, 880).Count(a => a > 0.2);
        // It started (after the 0.3 s fade) and stopped with the CANCEL, long before its 4 s.
        Assert.InRange(klaxonWindows * ToneTrack.WindowSeconds, 0.1, 1.5);
    }

    [Fact]
    public void A_page_longer_than_hang_up_after_minutes_is_ended_with_bye()
    {
        using var pager = new Pager(work, "[calls]\nhang-up-after-minutes = 0.02\n");
        var sipp = SippCaller.Run(pager, SippCaller.Page(work, "page_until_bye.xml", TimeSpan.FromSeconds(10)), work.Path);

        Assert.True(sipp.ExitCode == 0, $"the caller got no BYE: {sipp}\n{pager.Process.Output}");
        // The caller may exit before the pager has logged the end: wait for the line.
        Assert.True(pager.Process.WaitForOutput("page ended (LocalHangup)", TimeSpan.FromSeconds(5)), pager.Process.Output);
        Assert.Contains("hang-up-after-minutes", pager.Process.Output);
    }

    [Fact]
    public void A_caller_from_an_address_not_allowed_gets_403_and_the_speakers_stay_silent()
    {
        using var pager = new Pager(work, "[sip]\nallow-from = 127.0.0.1\n");
        using var capture = new JackCapture(pager.Jack, "system:playback_1", TimeSpan.FromSeconds(3), work.Path);
        Thread.Sleep(300);

        var sipp = SippCaller.Run(pager, SippCaller.Scenario(work, "refused_403.xml"), work.Path, localAddress: "127.0.0.2");
        float[] recorded = capture.Samples();

        Assert.True(sipp.ExitCode == 0, $"{sipp}\n{pager.Process.Output}");
        Assert.DoesNotContain("page starts", pager.Process.Output);
        Assert.True(Tone.Peak(recorded) < 0.01, $"sound at the speaker: peak {Tone.Peak(recorded):0.000}");
    }
}
