using System.Globalization;

namespace PagingServer.Systemd;

/// <summary>
/// The watchdog systemd asked for (`WatchdogSec=` sets `$WATCHDOG_USEC`, and `$WATCHDOG_PID`
/// names the process meant). Pings go out at half the interval, as sd_watchdog_enabled(3) advises.
/// </summary>
internal static class WatchdogSettings
{
    public static TimeSpan? PingInterval(string? usec, string? pid, int ownPid)
    {
        if (!long.TryParse(usec, NumberStyles.None, CultureInfo.InvariantCulture, out long micros) || micros <= 0)
            return null;
        if (!string.IsNullOrEmpty(pid) && (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out int target) || target != ownPid))
            return null;
        return TimeSpan.FromMicroseconds(micros / 2.0);
    }

    public static TimeSpan? FromEnvironment() => PingInterval(
        Environment.GetEnvironmentVariable("WATCHDOG_USEC"), Environment.GetEnvironmentVariable("WATCHDOG_PID"), Environment.ProcessId);
}
