using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace PagingServer.Sip.Tests.Agent;

/// <summary>baresip, a complete SIP phone, calls the agent, is answered, plays a short file and hangs up.</summary>
public sealed class BaresipCallerTests(ITestOutputHelper output)
{
    [Fact]
    public void A_baresip_caller_reaches_the_agent_gets_answered_and_hangs_up_when_its_file_ends()
    {
        string baresip = Tool.Require("baresip", "baresip-core");
        using var h = new AgentHarness(onOffered: call => call.Answer(40000));
        using var dir = new TempDirectory();
        string wav = Path.Combine(dir.Path, "in.wav");
        File.WriteAllBytes(wav, SilenceWav(seconds: 2));
        int sipPort = FreePort.Udp();
        dir.Write("config", string.Create(CultureInfo.InvariantCulture, $"""
            poll_method epoll
            sip_listen 127.0.0.1:{sipPort}
            audio_source aufile,{wav}
            audio_player aufile,{Path.Combine(dir.Path, "out.wav")}
            audio_alert aufile,{Path.Combine(dir.Path, "alert.wav")}
            module_path /usr/lib/baresip/modules
            module g711.so
            module aufile.so
            module_app account.so
            module_app menu.so
            """));
        dir.Write("accounts", "<sip:caller@127.0.0.1>;regint=0;audio_codecs=PCMU\n");
        var run = ProcessRun.Start(baresip, ["-f", dir.Path, "-t", "6", "-e", $"/dial sip:pager@127.0.0.1:{h.EndPoint.Port}"],
            dir.Path, TimeSpan.FromSeconds(30));
        output.WriteLine(run.ToString());
        output.WriteLine(h.Log);
        Assert.True(h.WaitFor("ended", TimeSpan.FromSeconds(5)), run.ToString() + h.Log);
        Assert.Equal("offered PCMU", h.Events[0]);
        Assert.Contains("confirmed (ACK)", h.Log, StringComparison.Ordinal);
        Assert.Equal("ended RemoteHangup", h.Events[^1]);
    }

    // 8 kHz mono 16-bit PCM (RIFF/WAVE) of silence.
    private static byte[] SilenceWav(int seconds)
    {
        int dataBytes = 8000 * 2 * seconds;
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms, Encoding.ASCII);
        w.Write("RIFF"u8);
        w.Write(36 + dataBytes);
        w.Write("WAVEfmt "u8);
        w.Write(16);
        w.Write((short)1);
        w.Write((short)1);
        w.Write(8000);
        w.Write(16000);
        w.Write((short)2);
        w.Write((short)16);
        w.Write("data"u8);
        w.Write(dataBytes);
        w.Write(new byte[dataBytes]);
        w.Flush();
        return ms.ToArray();
    }
}
