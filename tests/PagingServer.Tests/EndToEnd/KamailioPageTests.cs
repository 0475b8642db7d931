namespace PagingServer.Tests.EndToEnd;

/// <summary>
/// The whole appliance as installed: the published binary registered (digest) to kamailio, mpd
/// playing 440 Hz music through JACK, a caller (sipp, PCMU 1 kHz) paging the pager's AOR
/// through kamailio. What the speaker gets, recorded with jack_capture, shows music, music
/// ducked, the klaxon, the voice, and music back after the caller's BYE, in that order and
/// spaced as configured (fades of 0.3 s, a 0.6 s klaxon, klaxon-padding 0).
/// </summary>
[Collection(SerialAudio.Name)]
public sealed class KamailioPageTests : IDisposable
{
    private const string Password = "pager-s3cret";
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [Fact]
    public void A_page_through_kamailio_ducks_the_music_sounds_the_klaxon_plays_the_voice_and_brings_the_music_back()
    {
        using var appliance = new Appliance(work);
        var (jack, kamailio, pager) = (appliance.Jack, appliance.Kamailio, appliance.Pager);
        string scenario = SippCaller.Page(work, "page_via_proxy.xml", TimeSpan.FromSeconds(2.4), speak: TimeSpan.FromSeconds(2.6));

        using var capture = new JackCapture(jack, "system:playback_1", TimeSpan.FromSeconds(9), work.Path);
        Thread.Sleep(1500);
        var sipp = SippCaller.Run(kamailio.EndPoint.Port, scenario, work.Path);
        float[] recorded = capture.Samples();

        Assert.True(sipp.ExitCode == 0, $"sipp: {sipp}\npaging:\n{pager.Process.Output}\nkamailio:\n{kamailio.Log}");
        Assert.Contains("sip:caller@", pager.Process.Output, StringComparison.Ordinal);
        var music = ToneTrack.Of(recorded, 440);
        var klaxon = ToneTrack.Of(recorded, 880);
        var voice = ToneTrack.Of(recorded, 1000);
        int klaxonStart = klaxon.FindIndex(a => a > 0.2), klaxonEnd = klaxon.FindLastIndex(a => a > 0.2);
        int voiceStart = voice.FindIndex(a => a > 0.2), voiceEnd = voice.FindLastIndex(a => a > 0.2);
        string tracks = $"klaxon {klaxonStart}-{klaxonEnd}, voice {voiceStart}-{voiceEnd} (50 ms windows)\nmusic: {ToneTrack.Show(music)}\nklaxon: {ToneTrack.Show(klaxon)}\nvoice: {ToneTrack.Show(voice)}";
        Assert.True(klaxonStart > 10 && voiceStart > klaxonEnd && voiceEnd - voiceStart > 20, tracks);

        // Music first, at volume-music (mpd plays at half of full scale).
        Assert.True(ToneTrack.Median(music, 2, klaxonStart - 10) is > 0.35 and < 0.45, tracks);
        // Ducked over music-fade-out-duration, ending as the klaxon starts.
        int duckStart = music.FindIndex(a => a < 0.3);
        Assert.True(duckStart > 0 && duckStart <= klaxonStart, tracks);
        Assert.InRange((klaxonStart - duckStart) * ToneTrack.WindowSeconds, 0.05, 0.8);
        // Under the klaxon and the voice, music stays at music-fade-out-min (10 %).
        Assert.True(ToneTrack.Median(music, klaxonStart, voiceEnd) is > 0.03 and < 0.07, tracks);
        // The 0.6 s klaxon at volume-klaxon (0.9 x 50 %).
        Assert.InRange((klaxonEnd - klaxonStart + 1) * ToneTrack.WindowSeconds, 0.45, 0.85);
        Assert.True(ToneTrack.Median(klaxon, klaxonStart + 1, klaxonEnd) is > 0.4 and < 0.5, tracks);
        // Answered klaxon-padding (0) after the klaxon; the 2.4 s voice at volume-call (0.5 x 80 %).
        Assert.InRange((voiceStart - klaxonEnd) * ToneTrack.WindowSeconds, 0, 0.8);
        Assert.InRange((voiceEnd - voiceStart + 1) * ToneTrack.WindowSeconds, 2.0, 2.8);
        Assert.True(ToneTrack.Median(voice, voiceStart + 2, voiceEnd - 2) is > 0.36 and < 0.44, tracks);
        // After the BYE, music fades back in (0.3 s) to its level and stays.
        int restored = music.FindIndex(voiceEnd, a => a > 0.35);
        Assert.True(restored > voiceEnd && music.Count - restored > 10, tracks);
        Assert.InRange((restored - voiceEnd) * ToneTrack.WindowSeconds, 0.05, 1.5);
        Assert.True(ToneTrack.Median(music, restored + 2, music.Count - 1) is > 0.35 and < 0.45, tracks);
        Assert.True(pager.Process.WaitForOutput("page ended (RemoteHangup)", TimeSpan.FromSeconds(5)), pager.Process.Output);
        TestReport.Write("e2e-kamailio", $"page through kamailio: music, ducked after {(klaxonStart - duckStart) * 50} ms, klaxon {(klaxonEnd - klaxonStart + 1) * 50} ms, voice {(voiceEnd - voiceStart + 1) * 50} ms, music back {(restored - voiceEnd) * 50} ms after the voice");
    }

    [Fact]
    public void A_caller_not_allowed_gets_403_and_the_speakers_stay_on_music()
    {
        using var appliance = new Appliance(work);
        Pager pager = appliance.Pager;
        using var capture = new JackCapture(appliance.Jack, "system:playback_1", TimeSpan.FromSeconds(4), work.Path);
        Thread.Sleep(1000);

        // Straight to the pager from 127.0.0.2: neither the registrar, nor the proxy, nor allowed.
        var sipp = SippCaller.Run(pager, SippCaller.Scenario(work, "refused_403.xml"), work.Path, localAddress: "127.0.0.2");
        float[] recorded = capture.Samples();

        Assert.True(sipp.ExitCode == 0, $"{sipp}\n{pager.Process.Output}");
        Assert.DoesNotContain("page starts", pager.Process.Output, StringComparison.Ordinal);
        var music = ToneTrack.Of(recorded, 440);
        var klaxon = ToneTrack.Of(recorded, 880);
        // Music at its level throughout and never ducked: a duck takes the 0.3 s fade, six windows
        // (one short window is a cycle the dummy driver lost, not a duck).
        Assert.True(ToneTrack.Median(music, 2, music.Count) is > 0.35 and < 0.45, $"music: {ToneTrack.Show(music)}");
        Assert.True(!music.Skip(2).Zip(music.Skip(3), music.Skip(4)).Any(w => w.First < 0.3 && w.Second < 0.3 && w.Third < 0.3), $"music ducked: {ToneTrack.Show(music)}");
        Assert.True(klaxon.All(a => a < 0.05), $"klaxon: {ToneTrack.Show(klaxon)}");
    }

    /// <summary>jackd, mpd playing, kamailio, and the published binary registered to it with digest.</summary>
    private sealed class Appliance : IDisposable
    {
        public Appliance(TempDirectory work)
        {
            Jack = new JackServer(realtime: true);
            try
            {
                Mpd = new MpdInstance(Jack);
                Kamailio = KamailioRegistrar.Start(Password);
                Pager = new Pager(work, $"""
                    [sip]
                    domain = {Kamailio.Domain}
                    user = pager
                    pass = {Password}
                    [audio]
                    volume-music = 80
                    music-fade-out-min = 10
                    """, Jack);
                Assert.True(Pager.Process.WaitForOutput("SIP: registered", TimeSpan.FromSeconds(15)), $"not registered:\n{Pager.Process.Output}\nkamailio:\n{Kamailio.Log}");
                Mpd.Mpc("play");
                Thread.Sleep(1000); // the pager links mpd's ports when they appear at the first play
            }
            catch
            {
                // xunit never disposes what a failed constructor built: stop what runs already.
                Dispose();
                throw;
            }
        }

        public JackServer Jack { get; }

        public MpdInstance Mpd { get; } = null!;

        public KamailioRegistrar Kamailio { get; } = null!;

        public Pager Pager { get; } = null!;

        public void Dispose()
        {
            Pager?.Dispose();
            Kamailio?.Dispose();
            Mpd?.Dispose();
            Jack.Dispose();
        }
    }
}
