using System.Globalization;

namespace PagingServer.Tests.EndToEnd;

/// <summary>`systemctl reload paging` (SIGHUP) while someone speaks.</summary>
[Collection(SerialAudio.Name)]
public sealed class ReloadTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [Fact]
    public void Sighup_applies_a_new_call_level_to_the_live_page_without_dropping_it()
    {
        using var pager = new Pager(work);
        string scenario = SippCaller.Page(work, "page_pcmu.xml", TimeSpan.FromSeconds(6), speak: TimeSpan.FromSeconds(6));
        using var capture = new JackCapture(pager.Jack, "system:playback_1", TimeSpan.FromSeconds(9), work.Path);
        using var sipp = SippCaller.Start(pager, scenario, work.Path);
        Assert.True(pager.Process.WaitForOutput("answered", TimeSpan.FromSeconds(15)), pager.Process.Output);
        Thread.Sleep(2000);

        File.WriteAllText(pager.ConfigPath, File.ReadAllText(pager.ConfigPath).Replace("volume-call = 80", "volume-call = 40", StringComparison.Ordinal));
        pager.Process.Signal("HUP");
        Assert.True(pager.Process.WaitForOutput("levels and fades applied", TimeSpan.FromSeconds(5)), pager.Process.Output);
        float[] recorded = capture.Samples();

        Assert.True(sipp.WaitForExit(TimeSpan.FromSeconds(15)) == 0, $"the page was dropped: {sipp.Output}\n{pager.Process.Output}");
        var voice = ToneTrack.Of(recorded, 1000);
        int louder = voice.Count(a => a is > 0.37 and < 0.43), quieter = voice.Count(a => a is > 0.17 and < 0.23);
        int first = voice.FindIndex(a => a > 0.1), last = voice.FindLastIndex(a => a > 0.1);
        TestReport.Write("e2e-sighup", $"SIGHUP during a page: {louder} windows at volume-call 80 %, then {quieter} at 40 %, no gap");
        Assert.True(louder >= 20 && quieter >= 20, $"levels before/after: {louder}/{quieter}; track: {string.Join(' ', voice.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)))}");
        // The page was not dropped or restarted: never two silent windows in a row (a single
        // short dip is the media path's known glitch, see the note on issue 6).
        var span = voice.Skip(first + 3).Take(last - first - 3).ToList();
        Assert.True(!span.Zip(span.Skip(1)).Any(p => p.First <= 0.1 && p.Second <= 0.1),
            $"the voice went silent: {string.Join(' ', voice.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)))}");
        int lastLoud = voice.FindLastIndex(a => a > 0.37);
        int firstQuiet = voice.FindIndex(first + 3, a => a is > 0.17 and < 0.23);
        Assert.True(lastLoud < firstQuiet, $"the level went down, not up ({lastLoud}, {firstQuiet})");
    }

    [Fact]
    public void Sighup_with_a_new_sip_account_unregisters_the_old_one_and_registers_the_new_one()
    {
        using var registrar = KamailioRegistrar.Start("reload-s3cret");
        using var pager = new Pager(work, $"""
            [sip]
            domain = {registrar.Domain}
            user = pager
            pass = reload-s3cret
            """);
        Assert.True(pager.Process.WaitForOutput("registered as sip:pager@", TimeSpan.FromSeconds(10)), pager.Process.Output + registrar.Log);

        // A change that needs no new registration first: the account stays registered.
        File.WriteAllText(pager.ConfigPath, File.ReadAllText(pager.ConfigPath) + "\nallow-from = 192.0.2.1\n");
        pager.Process.Signal("HUP");
        Assert.True(pager.Process.WaitForOutput("SIP settings applied (registration unchanged)", TimeSpan.FromSeconds(5)), pager.Process.Output);

        File.WriteAllText(pager.ConfigPath, File.ReadAllText(pager.ConfigPath).Replace("user = pager", "user = lobby", StringComparison.Ordinal));
        pager.Process.Signal("HUP");
        Assert.True(pager.Process.WaitForOutput("registered as sip:lobby@", TimeSpan.FromSeconds(10)), pager.Process.Output + registrar.Log);
        string output = pager.Process.Output;
        Assert.Contains("unregistered sip:pager@", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("unregistered sip:pager@", StringComparison.Ordinal) < output.IndexOf("registered as sip:lobby@", StringComparison.Ordinal),
            "the new account registered before the old binding was removed:\n" + output);
        Assert.DoesNotContain("reload-s3cret", output, StringComparison.Ordinal);
        Assert.Null(pager.Process.WaitForExit(TimeSpan.Zero)); // still running: a reload is not a restart
    }
}
