using PagingServer.Systemd;

namespace PagingServer.Tests.Systemd;

public class WatchdogPingerTests
{
    private sealed class Probe(string name) : IHealthProbe
    {
        public bool Alive { get; set; } = true;

        public string Name => name;

        public bool IsAlive(out string reason)
        {
            reason = Alive ? "" : "no answer for 5 s";
            return Alive;
        }
    }

    [Fact]
    public void Pings_at_every_interval_while_every_component_is_alive_and_stops_when_one_hangs()
    {
        using var systemd = new NotifySocket();
        using var notifier = ServiceNotifier.ForSocket(systemd.Address);
        var time = new ManualTimeProvider();
        var sip = new Probe("SIP loop");
        var jack = new Probe("JACK callback");
        var stalls = new List<string>();
        using var pinger = new WatchdogPinger(notifier, [sip, jack], TimeSpan.FromSeconds(10), time, stalls.Add);

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(4, pinger.Pings);

        jack.Alive = false;
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(4, pinger.Pings);
        Assert.Equal(["JACK callback not responding: no answer for 5 s"], stalls);

        jack.Alive = true;
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(5, pinger.Pings);
        Assert.Equal(5, systemd.ReceiveFor(TimeSpan.FromMilliseconds(300)).Count(d => d == "WATCHDOG=1"));
    }
}
