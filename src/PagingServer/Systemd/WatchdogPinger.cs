namespace PagingServer.Systemd;

/// <summary>A component the watchdog asks whether it is alive, e.g. "the SIP loop answered" or "JACK called back recently".</summary>
internal interface IHealthProbe
{
    string Name { get; }

    /// <summary>False when the component is stuck; the reason goes into the status line.</summary>
    bool IsAlive(out string reason);
}

/// <summary>
/// Sends WATCHDOG=1 at the interval systemd asked for, but only while every probe says alive:
/// a hung component stops the pings, so systemd restarts the service (and the hardware watchdog
/// reboots the box if systemd itself hangs). Runs on a timer of the given TimeProvider.
/// </summary>
internal sealed class WatchdogPinger : IDisposable
{
    private readonly ServiceNotifier notifier;
    private readonly IReadOnlyList<IHealthProbe> probes;
    private readonly Action<string> onStall;
    private readonly ITimer timer;
    private string? lastStall;

    public WatchdogPinger(ServiceNotifier notifier, IReadOnlyList<IHealthProbe> probes, TimeSpan interval, TimeProvider time, Action<string> onStall)
    {
        this.notifier = notifier;
        this.probes = probes;
        this.onStall = onStall;
        timer = time.CreateTimer(_ => Tick(), null, TimeSpan.Zero, interval);
    }

    public int Pings { get; private set; }

    private void Tick()
    {
        foreach (IHealthProbe probe in probes)
        {
            if (!probe.IsAlive(out string reason))
            {
                string stall = $"{probe.Name} not responding: {reason}";
                if (stall != lastStall)
                    onStall(stall);
                lastStall = stall;
                return;
            }
        }
        lastStall = null;
        if (notifier.Watchdog())
            Pings++;
    }

    public void Dispose() => timer.Dispose();
}
