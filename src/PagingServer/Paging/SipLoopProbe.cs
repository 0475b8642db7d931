using PagingServer.Sip.Transactions;
using PagingServer.Systemd;

namespace PagingServer.Paging;

/// <summary>
/// Tells the watchdog whether the SIP thread still runs: each check posts a tick to it, and the
/// thread is alive while the last tick came back recently. A thread stuck in a handler stops
/// the ticks, then the pings, then systemd restarts paging.
/// </summary>
internal sealed class SipLoopProbe(SipLoop loop, TimeProvider time, TimeSpan stallLimit) : IHealthProbe
{
    private long lastTick = time.GetTimestamp();

    public string Name => "SIP loop";

    public bool IsAlive(out string reason)
    {
        loop.Post(() => Interlocked.Exchange(ref lastTick, time.GetTimestamp()));
        TimeSpan since = time.GetElapsedTime(Interlocked.Read(ref lastTick));
        reason = since > stallLimit ? $"no answer for {since.TotalSeconds:0.0} s" : "";
        return since <= stallLimit;
    }
}
