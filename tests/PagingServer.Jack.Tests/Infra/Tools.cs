using System.Diagnostics;

namespace PagingServer.Jack.Tests.Infra;

/// <summary>External tools the tests need; a missing one fails the test by name.</summary>
internal static class Tools
{
    internal static string Require(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
        {
            var path = Path.Combine(dir, tool);
            if (File.Exists(path))
            {
                return path;
            }
        }

        Assert.Fail($"required tool '{tool}' is not installed (see scripts/install-debian-deps)");
        return tool;
    }

    /// <summary>Runs a tool to completion and returns its stdout; fails the test on a non-zero exit.</summary>
    internal static string Run(string tool, IEnumerable<string> args, TimeSpan timeout, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(Require(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} {string.Join(' ', args)} timed out");
        }

        Assert.True(p.ExitCode == 0, $"{tool} {string.Join(' ', args)} exited {p.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    internal static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];
}
