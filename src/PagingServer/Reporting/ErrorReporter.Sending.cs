namespace PagingServer.Reporting;

internal sealed partial class ErrorReporter
{
    private async Task RunAsync()
    {
        CancellationToken cancel = stop.Token;
        while (!cancel.IsCancellationRequested)
        {
            while (incoming.Reader.TryRead(out SentryReport? report))
                Store(report);
            await DrainAsync(cancel).ConfigureAwait(false);

            TimeSpan wait = nextAttempt - time.GetUtcNow();
            bool pending = queue.Pending().Count > 0 || unstored.Count > 0;
            Task arrival = incoming.Reader.WaitToReadAsync(cancel).AsTask();
            if (pending && wait > TimeSpan.Zero)
                await Task.WhenAny(arrival, Task.Delay(wait, time, cancel)).ConfigureAwait(false);
            else if (pending)
                continue;
            else if (!await incoming.Reader.WaitToReadAsync(cancel).ConfigureAwait(false))
                return;
        }
    }

    private void Store(SentryReport report)
    {
        byte[] envelope = SentryEnvelope.Write(report, context, dsn, Scrub);
        if (!queue.TryAdd(envelope))
        {
            // No writable queue folder: keep a few in memory rather than lose them.
            lock (unstored)
            {
                unstored.Add(envelope);
                if (unstored.Count > queue.Capacity)
                    unstored.RemoveAt(0);
            }
        }
    }

    /// <summary>Sends queued envelopes oldest first until one fails or the server asks us to wait.</summary>
    private async Task DrainAsync(CancellationToken cancel)
    {
        if (time.GetUtcNow() < nextAttempt)
            return;
        while (!cancel.IsCancellationRequested)
        {
            string? file = null;
            byte[]? envelope;
            lock (unstored)
                envelope = unstored.Count > 0 ? unstored[0] : null;
            if (envelope is null)
            {
                file = queue.Pending().FirstOrDefault();
                if (file is null)
                    return;
                envelope = ReportQueue.Read(file);
                if (envelope is null)
                {
                    ReportQueue.Remove(file);
                    continue;
                }
            }

            SendResult result = await transport.SendAsync(envelope, cancel).ConfigureAwait(false);
            switch (result.Outcome)
            {
                case SendOutcome.Sent or SendOutcome.Rejected:
                    if (result.Outcome == SendOutcome.Rejected)
                        log.Warning($"Sentry refused an error report ({result.Detail}); it is dropped");
                    else
                        Sent++;
                    Forget(file, envelope);
                    backoff = FirstBackoff;
                    break;
                case SendOutcome.RateLimited:
                    log.Warning($"Sentry asks to wait {result.RetryAfter.TotalSeconds:0} s before the next report ({result.Detail})");
                    nextAttempt = time.GetUtcNow() + result.RetryAfter;
                    return;
                default:
                    log.Warning($"cannot send error report to Sentry ({result.Detail}); retrying in {backoff.TotalSeconds:0} s");
                    nextAttempt = time.GetUtcNow() + backoff;
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, LongestBackoff.Ticks));
                    return;
            }
        }
    }

    private void Forget(string? file, byte[] envelope)
    {
        if (file is not null)
        {
            ReportQueue.Remove(file);
            return;
        }
        lock (unstored)
            unstored.Remove(envelope);
    }
}
