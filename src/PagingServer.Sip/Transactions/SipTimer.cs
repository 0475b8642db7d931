namespace PagingServer.Sip.Transactions;

/// <summary>
/// A one-shot timer whose work runs on the <see cref="SipLoop"/>. Cancelling on the loop thread is
/// final: a firing already queued is dropped, so state machines never see a stale timer.
/// </summary>
public sealed class SipTimer : IDisposable
{
    private readonly SipLoop _loop;
    private readonly Action _work;
    private ITimer? _timer;
    private bool _cancelled;

    internal SipTimer(SipLoop loop, Action work)
    {
        _loop = loop;
        _work = work;
    }

    internal void Arm(TimeSpan due)
    {
        _timer = _loop.Time.CreateTimer(static s => ((SipTimer)s!).Fire(), this, due, Timeout.InfiniteTimeSpan);
    }

    private void Fire() => _loop.Post(() =>
    {
        if (!_cancelled)
        {
            _cancelled = true;
            _timer?.Dispose();
            _work();
        }
    });

    /// <summary>Cancels the timer.</summary>
    public void Dispose()
    {
        _cancelled = true;
        _timer?.Dispose();
    }
}
