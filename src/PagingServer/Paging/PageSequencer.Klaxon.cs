namespace PagingServer.Paging;

internal sealed partial class PageSequencer
{
    private void KlaxonDue(Page page)
    {
        if (page.Ended)
            return;
        if (audio.KlaxonLength == TimeSpan.Zero)
        {
            ScheduleAnswer(page, timing.KlaxonPadding);
            return;
        }
        klaxonQueue.Enqueue(page);
        if (klaxonPlaying is null)
            PlayNextKlaxon();
    }

    private void PlayNextKlaxon()
    {
        while (klaxonQueue.TryDequeue(out Page? page))
        {
            if (page.Ended)
                continue;
            klaxonPlaying = page;
            // klaxon-padding < 0 answers before the klaxon ends: count from its start.
            if (timing.KlaxonPadding < TimeSpan.Zero)
                ScheduleAnswer(page, audio.KlaxonLength + timing.KlaxonPadding);
            Task done = audio.PlayKlaxon();
            done.ContinueWith(_ => post(() => KlaxonFinished(page)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return;
        }
        klaxonPlaying = null;
    }

    private void KlaxonFinished(Page page)
    {
        if (klaxonPlaying == page)
            klaxonPlaying = null;
        if (!page.Ended && timing.KlaxonPadding >= TimeSpan.Zero)
            ScheduleAnswer(page, timing.KlaxonPadding);
        if (klaxonPlaying is null)
            PlayNextKlaxon();
    }

    private void ScheduleAnswer(Page page, TimeSpan delay)
    {
        if (page.Answered || page.Ended)
            return;
        page.AnswerTimer?.Dispose();
        page.AnswerTimer = After(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, () =>
        {
            if (page.Answered || page.Ended)
                return;
            page.Answered = true;
            page.Answer();
        });
    }
}
