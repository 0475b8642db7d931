namespace PagingServer.Tests.Systemd;

public sealed class ServiceUnitTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    /// <summary>The unit as shipped, but pointing at the binary `make publish` wrote, as systemd-analyze checks that it exists.</summary>
    private string UnitForPublishedBinary()
    {
        string unit = File.ReadAllText(RepoPaths.File("paging.service"));
        Assert.Contains("ExecStart=/usr/bin/paging ", unit);
        return dir.Write("paging.service", unit.Replace("/usr/bin/paging", RepoPaths.PublishedBinary, StringComparison.Ordinal));
    }

    [Fact]
    public void Systemd_analyze_verify_finds_nothing_wrong_with_the_unit()
    {
        var run = ProcessRun.Start(Tool.Require("systemd-analyze", "systemd"), ["verify", UnitForPublishedBinary()]);

        Assert.True(run.ExitCode == 0 && run.Stderr.Trim().Length == 0, run.ToString());
    }

    [Fact]
    public void The_unit_is_a_sandboxed_notify_service_with_a_watchdog_and_jack_limits()
    {
        string unit = File.ReadAllText(RepoPaths.File("paging.service"));

        foreach (string line in new[]
        {
            "Type=notify", "WatchdogSec=", "Restart=always", "User=paging", "Group=audio", "LimitRTPRIO=", "LimitMEMLOCK=",
            "CacheDirectory=paging", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "NoNewPrivileges=yes",
            "RestrictAddressFamilies=", "SystemCallFilter=@system-service",
        })
        {
            Assert.Matches($"(?m)^{System.Text.RegularExpressions.Regex.Escape(line)}", unit);
        }
    }

    [Fact]
    public void The_security_exposure_score_stays_below_3()
    {
        var run = ProcessRun.Start(Tool.Require("systemd-analyze", "systemd"), ["security", "--offline=true", UnitForPublishedBinary()]);

        var match = System.Text.RegularExpressions.Regex.Match(run.Stdout, @"Overall exposure level for paging\.service: (\d+\.\d)");
        Assert.True(match.Success, run.ToString());
        Assert.True(double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < 3.0, match.Value);
    }
}
