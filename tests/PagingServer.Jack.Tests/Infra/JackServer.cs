using System.Diagnostics;
using PagingServer.Jack.Interop;

namespace PagingServer.Jack.Tests.Infra;

/// <summary>A private jackd (dummy driver, 48 kHz, period 256, 2 in / 2 out) for one test.</summary>
internal sealed class JackServer : IDisposable
{
    private Process? _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _stderr = new();

    private readonly bool _realtime;

    /// <summary>Starts the server; <paramref name="realtime"/> runs it (and its clients'
    /// process threads) with SCHED_FIFO, as a production server would.</summary>
    internal JackServer(bool realtime = false)
    {
        _realtime = realtime;
        Name = Tools.UniqueName("pgt");
        Start();
    }

    internal string Name { get; }

    internal const int Rate = 48000;
    internal const int Period = 256;

    internal Dictionary<string, string> ClientEnv => new()
    {
        ["JACK_DEFAULT_SERVER"] = Name,
        ["JACK_NO_START_SERVER"] = "1",
    };

    /// <summary>Starts jackd and returns once a client can connect.</summary>
    internal void Start()
    {
        JackShmJanitor.ReclaimDeadTestServers("pgt");
        var psi = new ProcessStartInfo(Tools.Require("jackd"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { _realtime ? "-R" : "-r", "-n", Name, "-d", "dummy", "-r", $"{Rate}", "-p", $"{Period}", "-C", "2", "-P", "2" })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["JACK_NO_START_SERVER"] = "1";
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => _stderr.Enqueue(e.Data ?? string.Empty);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var until = Environment.TickCount64 + 10_000;
        while (Environment.TickCount64 < until)
        {
            using var probe = JackClientSafeHandle.Open(Tools.UniqueName("probe"), Name, startServer: false, out _);
            if (!probe.IsInvalid)
            {
                return;
            }

            Assert.False(_process.HasExited, $"jackd exited with {(_process.HasExited ? _process.ExitCode : 0)}: {string.Join('\n', _stderr)}");
            Thread.Sleep(50);
        }

        Assert.Fail("jackd did not come up within 10 s");
    }

    /// <summary>Kills jackd hard, as a crash would (its registry entry is reclaimed when a
    /// server of the same name starts again).</summary>
    internal void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Stops jackd with SIGTERM so that it leaves the shm registry clean.</summary>
    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _ = Posix.kill(_process.Id, Posix.SIGTERM);
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
                _process.WaitForExit();
            }
        }

        _process?.Dispose();
        _process = null;
    }
}
