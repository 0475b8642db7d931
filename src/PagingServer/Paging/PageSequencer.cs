namespace PagingServer.Paging;

/// <summary>
/// The paging policy's clock: for each page, music ducks, the klaxon plays, the call is
/// answered; after the last page, music comes back. Pages may overlap (concurrent callers are
/// mixed): music stays ducked while any page is live, which fixes the original's bug of one
/// call's end restoring music under another page. Klaxons of overlapping pages play one after
/// another. All methods run on one thread, the SIP loop's; timer and klaxon completions come
/// back through <c>post</c>.
/// </summary>
internal sealed partial class PageSequencer(IPageAudio audio, PageTiming timing, TimeProvider time, Action<Action> post)
{
    private readonly Dictionary<string, Page> pages = [];
    private readonly Queue<Page> klaxonQueue = new();
    private Page? klaxonPlaying;
    private ITimer? restoreTimer;
    private DateTimeOffset musicDuckedAt;

    /// <summary>Pages started and not yet ended.</summary>
    public int LivePages => pages.Count;

    /// <summary>Starts a page; <paramref name="answer"/> runs when the caller should be answered.</summary>
    public void Start(string id, Action answer)
    {
        var page = new Page(id, answer);
        bool first = pages.Count == 0;
        pages.Add(id, page);
        if (first)
        {
            restoreTimer?.Dispose();
            restoreTimer = null;
            audio.DuckMusic();
            musicDuckedAt = time.GetUtcNow();
        }
        // The klaxon waits for the fade-out to end, counted from when music began to duck.
        TimeSpan wait = timing.KlaxonDelay - (time.GetUtcNow() - musicDuckedAt);
        page.Timer = After(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, () => KlaxonDue(page));
    }

    /// <summary>Ends a page (hung up, cancelled, timed out); after the last one, music returns.</summary>
    public void End(string id)
    {
        if (!pages.Remove(id, out Page? page))
            return;
        page.Ended = true;
        page.Timer?.Dispose();
        page.AnswerTimer?.Dispose();
        if (klaxonPlaying == page)
            audio.StopKlaxon();
        if (pages.Count == 0)
            restoreTimer = After(timing.FadeInDelay, RestoreMusic);
    }

    private void RestoreMusic()
    {
        restoreTimer?.Dispose();
        restoreTimer = null;
        if (pages.Count == 0)
            audio.RestoreMusic(timing.FadeInStartLevel);
    }

    private ITimer After(TimeSpan delay, Action action) =>
        time.CreateTimer(_ => post(action), null, delay, Timeout.InfiniteTimeSpan);

    private sealed class Page(string id, Action answer)
    {
        public string Id { get; } = id;

        public Action Answer { get; } = answer;

        public ITimer? Timer { get; set; }

        public ITimer? AnswerTimer { get; set; }

        public bool Answered { get; set; }

        public bool Ended { get; set; }

        public override string ToString() => Id;
    }
}
