using System.Net;

namespace PagingServer.Bench.Peers;

/// <summary>
/// The peer: baresip as an auto-answer JACK endpoint (answermode=auto; its jack player plays
/// float at JACK's rate, see peers.md), PCMU, registered to kamailio as <c>peer</c>. It has no
/// klaxon: it answers at once and plays the caller on the speakers.
/// </summary>
internal sealed class BaresipEndpoint : IEndpoint
{
    private static int instances;
    private readonly RunningProcess process;

    public BaresipEndpoint(string work, JackServer jack, KamailioRegistrar kamailio, string password)
    {
        string home = Path.Combine(work, $"baresip{Interlocked.Increment(ref instances)}");
        Directory.CreateDirectory(home);
        int port = FreePort.Udp();
        File.WriteAllText(Path.Combine(home, "config"), $"""
            poll_method epoll
            sip_listen 127.0.0.1:{port}
            call_max_calls 32
            audio_player jack,
            audio_source ausine,1000
            audio_alert jack,
            auplay_format float
            auplay_srate 48000
            ausrc_srate 48000
            ausrc_channels 2
            net_interface 127.0.0.1
            jack_connect_ports yes
            module_path /usr/lib/baresip/modules
            module g711.so
            module jack.so
            module ausine.so
            module_app account.so
            module_app menu.so
            """);
        File.WriteAllText(Path.Combine(home, "accounts"), $"<sip:{User}@{kamailio.Domain}>;auth_pass={password};answermode=auto;regint=3600;audio_codecs=PCMU\n");
        process = new RunningProcess(Tool.Require("baresip", "baresip-core"), ["-f", home], jack.ClientEnv, home);
        DateTime end = DateTime.UtcNow.AddSeconds(15);
        while (!kamailio.Log.Contains($"REGISTER ok from 127.0.0.1:{port}", StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > end || process.HasExited)
                throw new InvalidOperationException($"baresip did not register:\n{process.Output}\nkamailio:\n{kamailio.Log}");
            Thread.Sleep(50);
        }
        Sip = new IPEndPoint(IPAddress.Loopback, port);
    }

    public string Name => "baresip";

    public int Pid => process.Id;

    public IPEndPoint Sip { get; }

    public string User => "peer";

    public bool HasKlaxon => false;

    public string Log => process.Output;

    public void Dispose()
    {
        // The first SIGTERM un-registers and can take long; a second one exits (peers.md).
        process.Signal("TERM");
        if (process.WaitForExit(TimeSpan.FromSeconds(2)) is null)
            process.Signal("TERM");
        process.WaitForExit(TimeSpan.FromSeconds(3));
        process.Dispose();
    }
}
