using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PagingServer.Testing;

/// <summary>A private mpd with a jack output named <c>mpd.paging:NAME</c>, playing a generated
/// 440 Hz file in a loop (see peers.md for the settings that matter).</summary>
public sealed class MpdInstance : IDisposable
{
    private readonly JackServer _server;
    private readonly string _dir;
    private readonly string _conf;
    private Process? _process;

    public MpdInstance(JackServer server)
    {
        _server = server;
        ShortName = JackServer.UniqueName("t");
        _dir = Directory.CreateTempSubdirectory("pg-mpd-").FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "music"));
        Directory.CreateDirectory(Path.Combine(_dir, "playlists"));
        ProcessRun.Start(Tool.Require("sox", "sox"), ["-n", "-r", "48000", "-c", "2", "-b", "16", Path.Combine(_dir, "music", "tone.wav"), "synth", "20", "sine", "440", "vol", "0.5"]);
        Port = FreePort.Tcp();

        _conf = Path.Combine(_dir, "mpd.conf");
        File.WriteAllText(_conf, $$"""
            music_directory "{{_dir}}/music"
            playlist_directory "{{_dir}}/playlists"
            db_file "{{_dir}}/db"
            bind_to_address "127.0.0.1"
            port "{{Port}}"
            auto_update "no"
            audio_output {
                type "jack"
                name "jack"
                client_name "mpd.paging:{{ShortName}}"
                server_name "{{server.Name}}"
                auto_destination_ports "no"
            }
            """);
        Start();
        Mpc("update", "--wait");
        Mpc("add", "tone.wav");
        Mpc("repeat", "on");
    }

    public string ShortName { get; }

    public int Port { get; }

    public string PortPrefix => $"mpd.paging:{ShortName}:";

    public void Start()
    {
        var psi = new ProcessStartInfo(Tool.Require("mpd", "mpd")) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "--no-daemon", "--stderr", _conf })
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in _server.ClientEnv)
        {
            psi.Environment[k] = v;
        }

        _process = Process.Start(psi)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var until = Environment.TickCount64 + 10_000;
        while (Environment.TickCount64 < until)
        {
            try
            {
                using var c = new TcpClient();
                c.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Assert.False(_process.HasExited, "mpd exited at start");
                Thread.Sleep(50);
            }
        }

        Assert.Fail("mpd did not listen within 10 s");
    }

    public void Mpc(params string[] args)
    {
        var run = ProcessRun.Start(Tool.Require("mpc", "mpc"), ["-h", "127.0.0.1", "-p", $"{Port}", .. args], timeout: TimeSpan.FromSeconds(20));
        Assert.True(run.ExitCode == 0, $"mpc {string.Join(' ', args)}: {run}");
    }

    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Kill();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory.
        }
    }
}
