using PagingServer.Jack.Tests.Infra;
using Xunit.Abstractions;

namespace PagingServer.Jack.Tests;

public class MusicTests(ITestOutputHelper output)
{
    // Channels 0 and 1 record paging's outputs, 2 and 3 mpd's own ports in the same cycles, so
    // gains are measured exactly even when a starved mpd leaves gaps.
    private static EngineHarness Harness() => new(
        o => o with
        {
            VolumeMusic = 0.8f,
            MusicFadeOutMin = 0.1f,
            MusicFadeOutDuration = TimeSpan.FromSeconds(1),
            MusicFadeInDuration = TimeSpan.FromSeconds(1),
        },
        extraChannels: 2);

    private static void RecordMpd(EngineHarness h, MpdInstance mpd)
    {
        h.Recorder.Connect(2, mpd.PortPrefix + "left");
        h.Recorder.Connect(3, mpd.PortPrefix + "right");
    }

    private static bool Linked(JackProbe probe, MpdInstance mpd, EngineHarness h) =>
        probe.Connections(h.Engine.MusicInputs[0]).SequenceEqual([mpd.PortPrefix + "left"]) &&
        probe.Connections(h.Engine.MusicInputs[1]).SequenceEqual([mpd.PortPrefix + "right"]);

    [Fact]
    public void Music_from_mpd_is_linked_through_the_music_inputs_and_heard_on_its_speakers()
    {
        using var h = Harness();
        using var mpd = new MpdInstance(h.Server);
        using var probe = new JackProbe(h.Server.Name);
        mpd.Mpc("play");
        var took = JackProbe.WaitFor(() => Linked(probe, mpd, h), TimeSpan.FromSeconds(3), "music links");
        output.WriteLine($"linked {took.TotalMilliseconds} ms after mpc play returned");
        RecordMpd(h, mpd);
        Thread.Sleep(300);
        var rec = h.Recorder.Record(TimeSpan.FromMilliseconds(500));
        for (var c = 0; c < 2; c++)
        {
            output.WriteLine($"speaker {c + 1}: 440 Hz at {Tone.Amplitude(rec[c], 440):F3}, mpd sent {Tone.Amplitude(rec[c + 2], 440):F3}");
            Assert.True(Tone.Amplitude(rec[c], 440) > 0.1, "music not heard");
            Assert.InRange(Tone.Gain(rec[c], rec[c + 2]), 0.79, 0.81);
        }

        Assert.DoesNotContain(probe.Connections(mpd.PortPrefix + "left"), p => p.StartsWith("system:", StringComparison.Ordinal));
    }

    [Fact]
    public void Ducking_fades_music_to_the_minimum_on_schedule_and_back()
    {
        using var h = Harness();
        using var mpd = new MpdInstance(h.Server);
        using var probe = new JackProbe(h.Server.Name);
        mpd.Mpc("play");
        JackProbe.WaitFor(() => Linked(probe, mpd, h), TimeSpan.FromSeconds(3), "music links");
        RecordMpd(h, mpd);
        Thread.Sleep(300);
        h.Engine.DuckMusic();
        var rec = h.Recorder.Record(TimeSpan.FromMilliseconds(1500));
        foreach (var t in new[] { 0.25, 0.5, 0.75, 1.25 })
        {
            var at = (int)((t - 0.05) * 48000);
            var expected = t >= 1 ? 0.1 : 0.8 - (0.7 * t);
            var got = Tone.Gain(rec[0].AsSpan(at, 4800), rec[2].AsSpan(at, 4800));
            output.WriteLine($"t={t}s gain expected {expected:F3} got {got:F3}");
            Assert.InRange(got, expected - 0.02, expected + 0.02);
        }

        h.Engine.RestoreMusic();
        Thread.Sleep(1100);
        var back = h.Recorder.Record(TimeSpan.FromMilliseconds(300));
        Assert.InRange(Tone.Gain(back[1], back[3]), 0.79, 0.81);
    }

    [Fact]
    public void Repeated_ducks_never_leave_music_quieter_than_its_level()
    {
        using var h = Harness();
        using var mpd = new MpdInstance(h.Server);
        using var probe = new JackProbe(h.Server.Name);
        mpd.Mpc("play");
        JackProbe.WaitFor(() => Linked(probe, mpd, h), TimeSpan.FromSeconds(3), "music links");
        RecordMpd(h, mpd);
        for (var i = 0; i < 6; i++)
        {
            // Interrupt fades half way, the case that made the original creep down.
            h.Engine.DuckMusic();
            Thread.Sleep(350);
            h.Engine.RestoreMusic();
            Thread.Sleep(150);
        }

        Thread.Sleep(1200);
        Assert.Equal(0.8f, h.Engine.MusicGain);
        var rec = h.Recorder.Record(TimeSpan.FromMilliseconds(500));
        Assert.True(Tone.Amplitude(rec[0], 440) > 0.1, "music not heard");
        Assert.InRange(Tone.Gain(rec[0], rec[2]), 0.795, 0.805);
    }

    [Fact]
    public void Music_is_relinked_within_1s_after_mpc_stop_and_play_and_after_an_mpd_restart()
    {
        using var h = Harness();
        using var mpd = new MpdInstance(h.Server);
        using var probe = new JackProbe(h.Server.Name);
        mpd.Mpc("play");
        JackProbe.WaitFor(() => Linked(probe, mpd, h), TimeSpan.FromSeconds(3), "music links");

        mpd.Mpc("stop");
        JackProbe.WaitFor(() => probe.Connections(h.Engine.MusicInputs[0]).Length == 0, TimeSpan.FromSeconds(3), "links dropped by mpc stop");
        mpd.Mpc("play");
        var afterPlay = JackProbe.WaitFor(() => Linked(probe, mpd, h), TimeSpan.FromSeconds(1), "relink after stop/play");
        output.WriteLine($"relinked {afterPlay.TotalMilliseconds} ms after mpc play");

        mpd.Kill();
        JackProbe.WaitFor(() => probe.Ports(mpd.PortPrefix).Length == 0, TimeSpan.FromSeconds(5), "mpd's ports to go");
        mpd.Start();
        mpd.Mpc("update", "--wait");
        mpd.Mpc("add", "tone.wav");
        mpd.Mpc("play");
        var afterRestart = JackProbe.WaitFor(() => Linked(probe, mpd, h), TimeSpan.FromSeconds(1), "relink after mpd restart");
        output.WriteLine($"relinked {afterRestart.TotalMilliseconds} ms after mpc play on the restarted mpd");
        RecordMpd(h, mpd);
        Thread.Sleep(200);
        var rec = h.Recorder.Record(TimeSpan.FromMilliseconds(300));
        Assert.True(Tone.Amplitude(rec[0], 440) > 0.1, "music not heard after the restart");
        Assert.InRange(Tone.Gain(rec[0], rec[2]), 0.79, 0.81);
    }

    [Fact]
    public void Music_links_come_back_after_jackd_restarts_once_mpd_plays_again()
    {
        using var h = new EngineHarness(o => o with { VolumeMusic = 0.8f }, record: false);
        using var mpd = new MpdInstance(h.Server);
        mpd.Mpc("play");
        using (var before = new JackProbe(h.Server.Name))
        {
            JackProbe.WaitFor(() => Linked(before, mpd, h), TimeSpan.FromSeconds(3), "music links");
            before.Abandon();
        }

        h.Server.Kill();
        JackProbe.WaitFor(() => !h.Engine.IsConnected, TimeSpan.FromSeconds(3), "the engine to notice the shutdown");
        h.Server.Start();
        using var probe = new JackProbe(h.Server.Name);
        JackProbe.WaitFor(() => h.Engine.IsConnected, TimeSpan.FromSeconds(2), "the engine to reconnect");
        // mpd's jack output does not reopen by itself after its server went away; a stop and
        // play (what the paging policy does anyway) brings its ports back.
        mpd.Mpc("stop");
        mpd.Mpc("play");
        var took = JackProbe.WaitFor(() => Linked(probe, mpd, h), TimeSpan.FromSeconds(3), "music links on the new server");
        output.WriteLine($"music relinked {took.TotalMilliseconds} ms after mpc play on the restarted server");
        Assert.True(took < TimeSpan.FromSeconds(1));
    }
}
