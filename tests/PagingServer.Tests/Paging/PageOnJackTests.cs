using PagingServer.Audio;
using PagingServer.Jack;
using PagingServer.Paging;

namespace PagingServer.Tests.Paging;

/// <summary>
/// A whole page on real parts: jackd (dummy driver), mpd playing 440 Hz through its jack
/// output, the JACK engine, the page sequencer; what the speaker gets is recorded with
/// jack_capture and read by tone: music, music ducked on schedule, the 880 Hz klaxon, the
/// 1 kHz call at volume-call, then music back.
/// </summary>
[Collection(SerialAudio.Name)]
public sealed class PageOnJackTests : IDisposable
{
    private const int Rate = JackServer.Rate;
    private const int Window = Rate / 20; // 50 ms
    private readonly TempDirectory work = new();
    private readonly JackServer jack = new(realtime: true);

    public void Dispose()
    {
        jack.Dispose();
        work.Dispose();
    }

    [Fact]
    public void Music_ducks_the_klaxon_plays_the_call_is_heard_at_its_level_and_music_returns()
    {
        using var mpd = new MpdInstance(jack);
        mpd.Mpc("play");
        var options = new JackEngineOptions
        {
            ClientName = JackServer.UniqueName("pg"),
            ServerName = jack.Name,
            VolumeMusic = 0.8f,
            VolumeKlaxon = 0.5f,
            VolumeCall = 0.7f,
            MusicFadeOutMin = 0.1f,
            MusicFadeOutDuration = TimeSpan.FromSeconds(1),
            MusicFadeInDuration = TimeSpan.FromSeconds(0.5),
        };
        using var engine = new JackEngine(options, _ => { });
        engine.Start();
        Assert.True(engine.WaitConnected(TimeSpan.FromSeconds(10)), "engine did not connect");
        var audio = new JackPageAudio(engine, Tone.Sine(880, 0.9, Rate), Rate);
        var timing = new PageTiming(KlaxonDelay: TimeSpan.FromSeconds(1), KlaxonPadding: TimeSpan.FromSeconds(0.3), FadeInDelay: TimeSpan.Zero, FadeInStartLevel: 0.1f);
        var loop = new SingleThreadLoop();
        var pages = new PageSequencer(audio, timing, TimeProvider.System, loop.Post);
        using var call = engine.OpenCallStream()!;
        Thread.Sleep(1500); // music linked and playing

        using var capture = new JackCapture(jack, "system:playback_1", TimeSpan.FromSeconds(7.5), work.Path);
        Thread.Sleep(1000);
        var answered = new ManualResetEventSlim();
        loop.Post(() => pages.Start("a", answered.Set));
        Assert.True(answered.Wait(TimeSpan.FromSeconds(5)), "never answered");
        Feed(call, Tone.Sine(1000, 0.8, Rate * 2));
        loop.Post(() => pages.End("a"));
        float[] recorded = capture.Samples();

        var music = ToneTrack.Of(recorded, 440);
        var klaxon = ToneTrack.Of(recorded, 880);
        var voice = ToneTrack.Of(recorded, 1000);
        int klaxonStart = klaxon.FindIndex(a => a > 0.2);
        int klaxonEnd = klaxon.FindLastIndex(a => a > 0.2);
        int voiceStart = voice.FindIndex(a => a > 0.2);
        int voiceEnd = voice.FindLastIndex(a => a > 0.2);
        Assert.True(klaxonStart > 0 && voiceStart > klaxonEnd && voiceEnd > voiceStart, $"order wrong: klaxon {klaxonStart}-{klaxonEnd}, voice {voiceStart}-{voiceEnd}");

        // Music before the page at volume-music (mpd plays at 0.5 full scale).
        Assert.InRange(ToneTrack.Median(music, 2, 15), 0.35, 0.45);
        // Ducked to music-fade-out-min under the klaxon and the call.
        Assert.InRange(ToneTrack.Median(music, klaxonStart, voiceEnd), 0.03, 0.07);
        // The klaxon came after the 1 s fade-out: music was already down when it started.
        int duckStart = music.FindIndex(a => a < 0.3);
        // Exact timings are the sequencer unit tests' job (fake clock); on a real server and a
        // busy machine the order and the rough spacing are what this test can promise.
        Assert.InRange((klaxonStart - duckStart) * ToneTrack.WindowSeconds, 0.5, 1.8);
        Assert.InRange(ToneTrack.Median(klaxon, klaxonStart + 2, klaxonEnd - 2), 0.4, 0.5);
        // Answered klaxon-padding after the klaxon: the voice follows after about 0.3 s.
        Assert.InRange((voiceStart - klaxonEnd) * ToneTrack.WindowSeconds, 0.15, 1.6);
        Assert.InRange(ToneTrack.Median(voice, voiceStart + 2, voiceEnd - 2), 0.5, 0.62);
        // Music back at its level after the page.
        Assert.InRange(ToneTrack.Median(music, voiceEnd + 20, music.Count - 2), 0.35, 0.45);
        Assert.True(recorded.Max(Math.Abs) <= 1.0f, "clipped");
    }

    private static void Feed(CallStream call, float[] samples)
    {
        int written = 0;
        while (written < samples.Length)
        {
            written += call.Write(samples.AsSpan(written, Math.Min(Window, samples.Length - written)));
            Thread.Sleep(10);
        }
        Thread.Sleep(300);
    }

    /// <summary>Stands in for the SIP loop: one thread runs every posted action in order.</summary>
    private sealed class SingleThreadLoop
    {
        private readonly System.Collections.Concurrent.BlockingCollection<Action> work = [];

        public SingleThreadLoop()
        {
            var thread = new Thread(() =>
            {
                foreach (Action action in work.GetConsumingEnumerable())
                    action();
            }) { IsBackground = true };
            thread.Start();
        }

        public void Post(Action action) => work.Add(action);
    }
}
