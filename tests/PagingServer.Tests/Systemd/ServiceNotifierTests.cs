using PagingServer.Systemd;

namespace PagingServer.Tests.Systemd;

public class ServiceNotifierTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ready_and_status_reach_a_path_or_abstract_socket(bool abstractName)
    {
        using var systemd = new NotifySocket(abstractName);
        using var notifier = ServiceNotifier.ForSocket(systemd.Address);

        Assert.True(notifier.Ready("listening, not registered"));
        Assert.True(notifier.Stopping("bye"));

        Assert.Equal("READY=1\nSTATUS=listening, not registered", systemd.Receive());
        Assert.Equal("STOPPING=1\nSTATUS=bye", systemd.Receive());
    }

    [Fact]
    public void Extend_timeout_is_sent_in_microseconds()
    {
        using var systemd = new NotifySocket();
        using var notifier = ServiceNotifier.ForSocket(systemd.Address);

        notifier.ExtendTimeout(TimeSpan.FromSeconds(30));

        Assert.Equal("EXTEND_TIMEOUT_USEC=30000000", systemd.Receive());
    }

    [Fact]
    public void Without_a_socket_nothing_is_sent_and_nothing_fails()
    {
        using var notifier = ServiceNotifier.ForSocket(null);

        Assert.False(notifier.Enabled);
        Assert.False(notifier.Ready("x"));
    }

    [Fact]
    public void A_socket_nobody_listens_on_returns_false_instead_of_throwing()
    {
        using var notifier = ServiceNotifier.ForSocket($"/tmp/paging-nobody-{Guid.NewGuid():N}.sock");

        Assert.True(notifier.Enabled);
        Assert.False(notifier.Watchdog());
    }

    [Theory]
    [InlineData("20000000", null, 10_000)]
    [InlineData("20000000", "4242", 10_000)]
    [InlineData("20000000", "17", null)]
    [InlineData("0", null, null)]
    [InlineData("soon", null, null)]
    [InlineData(null, null, null)]
    public void The_watchdog_interval_is_half_of_what_systemd_asked_for_our_pid(string? usec, string? pid, int? expectedMs)
    {
        TimeSpan? interval = WatchdogSettings.PingInterval(usec, pid, ownPid: 4242);

        Assert.Equal(expectedMs, interval is { } i ? (int)i.TotalMilliseconds : null);
    }
}
