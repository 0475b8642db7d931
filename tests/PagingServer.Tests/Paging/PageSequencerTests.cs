using PagingServer.Paging;

namespace PagingServer.Tests.Paging;

public class PageSequencerTests
{
    /// <summary>Records what the sequencer asks of the mixer, at what time on the fake clock.</summary>
    private sealed class RecordingAudio(ManualTimeProvider time, TimeSpan klaxonLength) : IPageAudio
    {
        private TaskCompletionSource? playing;
        private ITimer? klaxonTimer;

        public List<string> Events { get; } = [];

        public TimeSpan KlaxonLength => klaxonLength;

        private void Note(string what) => Events.Add($"{(time.GetUtcNow() - Start).TotalSeconds:0.0}s {what}");

        public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public void DuckMusic() => Note("duck");

        public void RestoreMusic(float startLevel) => Note($"restore from {startLevel:0.00}");

        public Task PlayKlaxon()
        {
            Note("klaxon");
            playing = new TaskCompletionSource();
            var done = playing;
            klaxonTimer = time.CreateTimer(_ => done.TrySetResult(), null, klaxonLength, Timeout.InfiniteTimeSpan);
            return done.Task;
        }

        public void StopKlaxon()
        {
            Note("stop klaxon");
            klaxonTimer?.Dispose();
            playing?.TrySetResult();
        }
    }

    private static (PageSequencer Pages, RecordingAudio Audio, ManualTimeProvider Time, List<string> Events) Make(
        double klaxonSeconds = 2, double fadeOut = 3, double padding = 0, double fadeInOffset = 0, double fadeOutOffset = 0)
    {
        var time = new ManualTimeProvider(RecordingAudio.Start);
        var audio = new RecordingAudio(time, TimeSpan.FromSeconds(klaxonSeconds));
        var timing = new PageTiming(TimeSpan.FromSeconds(Math.Max(0, fadeOut + fadeOutOffset)), TimeSpan.FromSeconds(padding), TimeSpan.FromSeconds(fadeInOffset), 0.1f);
        return (new PageSequencer(audio, timing, time, action => action()), audio, time, audio.Events);
    }

    private static Action Answer(RecordingAudio audio, ManualTimeProvider time, string who) =>
        () => audio.Events.Add($"{(time.GetUtcNow() - RecordingAudio.Start).TotalSeconds:0.0}s answer {who}");

    [Fact]
    public void A_page_ducks_music_then_plays_the_klaxon_when_the_fade_ends_then_answers_then_restores_music()
    {
        var (pages, audio, time, events) = Make(klaxonSeconds: 2, fadeOut: 3, padding: 0.5);

        pages.Start("a", Answer(audio, time, "a"));
        time.Advance(TimeSpan.FromSeconds(10));
        pages.End("a");
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["0.0s duck", "3.0s klaxon", "5.5s answer a", "10.0s restore from 0.10"], events);
    }

    [Fact]
    public void A_negative_padding_answers_before_the_klaxon_ends()
    {
        var (pages, audio, time, events) = Make(klaxonSeconds: 2, fadeOut: 1, padding: -0.5);

        pages.Start("a", Answer(audio, time, "a"));
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["0.0s duck", "1.0s klaxon", "2.5s answer a"], events);
    }

    [Fact]
    public void The_fade_out_offset_moves_the_klaxon_and_the_fade_in_offset_delays_the_music()
    {
        var (pages, audio, time, events) = Make(klaxonSeconds: 1, fadeOut: 3, fadeOutOffset: -1, fadeInOffset: 2);

        pages.Start("a", Answer(audio, time, "a"));
        time.Advance(TimeSpan.FromSeconds(4));
        pages.End("a");
        time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(["0.0s duck", "2.0s klaxon", "3.0s answer a", "6.0s restore from 0.10"], events);
    }

    [Fact]
    public void Cancelling_during_the_klaxon_stops_it_never_answers_and_restores_music()
    {
        var (pages, audio, time, events) = Make(klaxonSeconds: 5, fadeOut: 1);

        pages.Start("a", Answer(audio, time, "a"));
        time.Advance(TimeSpan.FromSeconds(2));
        pages.End("a");
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(["0.0s duck", "1.0s klaxon", "2.0s stop klaxon", "2.0s restore from 0.10"], events);
    }

    [Fact]
    public void The_end_of_one_page_never_restores_music_while_another_is_live()
    {
        var (pages, audio, time, events) = Make(klaxonSeconds: 1, fadeOut: 1);

        pages.Start("a", Answer(audio, time, "a"));
        time.Advance(TimeSpan.FromSeconds(0.5));
        pages.Start("b", Answer(audio, time, "b"));
        time.Advance(TimeSpan.FromSeconds(5));
        pages.End("a");
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(events, e => e.Contains("restore", StringComparison.Ordinal));

        pages.End("b");
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["0.0s duck", "1.0s klaxon", "2.0s klaxon", "2.0s answer a", "3.0s answer b", "10.5s restore from 0.10"], events);
        Assert.Equal(0, pages.LivePages);
    }

    [Fact]
    public void A_page_starting_before_the_music_returns_keeps_it_ducked()
    {
        var (pages, audio, time, events) = Make(klaxonSeconds: 1, fadeOut: 1, fadeInOffset: 2);

        pages.Start("a", Answer(audio, time, "a"));
        time.Advance(TimeSpan.FromSeconds(3));
        pages.End("a");
        time.Advance(TimeSpan.FromSeconds(1));
        pages.Start("b", Answer(audio, time, "b"));
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["0.0s duck", "1.0s klaxon", "2.0s answer a", "4.0s duck", "5.0s klaxon", "6.0s answer b"], events);
    }

    [Fact]
    public void Without_a_klaxon_the_call_is_answered_when_the_fade_out_ends_plus_padding()
    {
        var (pages, audio, time, events) = Make(klaxonSeconds: 0, fadeOut: 2, padding: 1);

        pages.Start("a", Answer(audio, time, "a"));
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["0.0s duck", "3.0s answer a"], events);
    }
}
