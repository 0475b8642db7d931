using PagingServer.Logging;

namespace PagingServer.Tests.Logging;

public class LogTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    private static readonly TimeProvider Noon = new FixedTime(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Under_journald_each_line_carries_its_syslog_priority()
    {
        var sink = new StringWriter();
        var log = new Log(sink, Noon, journald: true, debug: true);

        log.Error("jack gone");
        log.Warning("retrying");
        log.Debug("detail\nsecond line");

        Assert.Equal("<3>jack gone\n<4>retrying\n<7>detail\n<7>second line\n", sink.ToString().Replace("\r\n", "\n"));
    }

    [Fact]
    public void On_a_terminal_lines_are_timestamped_and_labelled()
    {
        var sink = new StringWriter();
        new Log(sink, Noon, journald: false, debug: false).Info("ready");

        Assert.Equal("2026-11-22 12:00:00.000 info: ready", sink.ToString().TrimEnd());
    }

    [Fact]
    public void Debug_lines_appear_only_with_debug_on()
    {
        var sink = new StringWriter();
        new Log(sink, Noon, journald: true, debug: false).Debug("trace");

        Assert.Equal("", sink.ToString());
    }

    [Fact]
    public void Known_secrets_never_reach_the_log()
    {
        var sink = new StringWriter();
        var log = new Log(sink, Noon, journald: true, debug: false);
        log.AddSecret("hunter2");

        log.Info("REGISTER failed with password hunter2");

        Assert.DoesNotContain("hunter2", sink.ToString());
        Assert.Contains("password ********", sink.ToString());
    }
}
