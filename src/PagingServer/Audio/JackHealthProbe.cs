using PagingServer.Jack;
using PagingServer.Systemd;

namespace PagingServer.Audio;

/// <summary>
/// Tells the watchdog whether JACK's process callback still runs. While the engine is
/// reconnecting to a restarted jackd it counts as alive: that is JACK's trouble, which the engine
/// handles, not a hang of ours.
/// </summary>
internal sealed class JackHealthProbe(JackEngine engine, TimeSpan stallLimit) : IHealthProbe
{
    public string Name => "JACK process callback";

    public bool IsAlive(out string reason)
    {
        reason = "";
        if (!engine.IsConnected)
            return true;
        ulong last = engine.Health.LastProcessJackUsec;
        ulong now = JackEngine.JackTimeUsec;
        if (last == 0 || now <= last)
            return true;
        TimeSpan since = TimeSpan.FromMicroseconds(now - last);
        if (since <= stallLimit)
            return true;
        reason = $"last cycle {since.TotalSeconds:0.0} s ago";
        return false;
    }
}
