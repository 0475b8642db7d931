using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace PagingServer.Testing;

/// <summary>
/// A private jackd for one test (dummy driver: no sound card, paced in real time; 48 kHz,
/// period 256, 2 in / 2 out). Its name is unique per test, as client names must be too: jackd2
/// names client sockets by client name and uid only (see ../shared/peers.md).
/// </summary>
public sealed class JackServer : IDisposable
{
    public const int Rate = 48000;
    public const int Period = 256;
    public const string NamePrefix = "pgt";

    private readonly bool realtime;
    private readonly ConcurrentQueue<string> stderr = new();
    private Process? process;

    /// <param name="realtime">Run with SCHED_FIFO (-R), as a production server would.</param>
    public JackServer(bool realtime = false)
    {
        this.realtime = realtime;
        Name = UniqueName(NamePrefix);
        Start();
    }

    public string Name { get; }

    /// <summary>Environment for a client of this server that must never start one of its own.</summary>
    public Dictionary<string, string> ClientEnv => new()
    {
        ["JACK_DEFAULT_SERVER"] = Name,
        ["JACK_NO_START_SERVER"] = "1",
    };

    /// <summary>A name no other test of this run uses, short enough for JACK's limits.</summary>
    public static string UniqueName(string prefix) =>
        $"{prefix}{Environment.ProcessId % 100000}x{Interlocked.Increment(ref counter).ToString(CultureInfo.InvariantCulture)}";

    private static int counter;

    /// <summary>Starts jackd and returns once a client can connect.</summary>
    public void Start()
    {
        JackShmJanitor.ReclaimDeadTestServers(NamePrefix);
        var info = new ProcessStartInfo(Tool.Require("jackd", "jackd2")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { realtime ? "-R" : "-r", "-n", Name, "-d", "dummy", "-r", $"{Rate}", "-p", $"{Period}", "-C", "2", "-P", "2" })
            info.ArgumentList.Add(arg);
        info.Environment["JACK_NO_START_SERVER"] = "1";
        process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => stderr.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        string wait = Tool.Require("jack_wait", "jackd2");
        long until = Environment.TickCount64 + 10_000;
        while (Environment.TickCount64 < until)
        {
            // A unique client name: jackd2 names client sockets by client name and uid only.
            if (ProcessRun.Start(wait, ["-s", Name, "-n", UniqueName("w"), "-c"]).Stdout.Contains("running", StringComparison.Ordinal))
                return;
            Assert.False(process.HasExited, $"jackd exited: {string.Join('\n', stderr)}");
            Thread.Sleep(50);
        }
        Assert.Fail($"jackd '{Name}' did not come up within 10 s: {string.Join('\n', stderr)}");
    }

    /// <summary>Stops jackd with SIGSTOP, as a hung server behaves: its clients' callbacks no
    /// longer run and requests to it go unanswered. Disposing the result continues it.</summary>
    public IDisposable Freeze()
    {
        string pid = (process?.Id ?? throw new InvalidOperationException("jackd is not running")).ToString(CultureInfo.InvariantCulture);
        ProcessRun.Start("kill", ["-STOP", pid]);
        return new Thaw(pid);
    }

    private sealed class Thaw(string pid) : IDisposable
    {
        public void Dispose() => ProcessRun.Start("kill", ["-CONT", pid]);
    }

    /// <summary>Kills jackd hard, as a crash would.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }
        process?.Dispose();
        process = null;
    }

    /// <summary>Stops jackd with SIGTERM so that it leaves the shm registry clean.</summary>
    public void Dispose()
    {
        if (process is { HasExited: false })
        {
            ProcessRun.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            if (!process.WaitForExit(5000))
            {
                process.Kill();
                process.WaitForExit();
            }
        }
        process?.Dispose();
        process = null;
    }
}
