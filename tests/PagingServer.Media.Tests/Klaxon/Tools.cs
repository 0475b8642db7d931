using System.Diagnostics;

namespace PagingServer.Media.Tests.Klaxon;

/// <summary>Runs the third-party tools the tests need; a missing tool fails the test by name.</summary>
internal static class Tools
{
    /// <summary>Full path of <paramref name="tool"/> on PATH; fails the test naming it otherwise.</summary>
    public static string Require(string tool)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"required tool '{tool}' is not installed (not found on PATH); install it (scripts/install-debian-deps) to run this test");
        return string.Empty;
    }

    /// <summary>Runs a tool to completion and fails the test with its stderr when it fails.</summary>
    public static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(Require(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}");
        return stdout;
    }
}
