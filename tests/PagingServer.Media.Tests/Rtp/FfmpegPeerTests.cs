using System.Net;
using System.Net.Sockets;
using PagingServer.Media.Codecs;
using PagingServer.Media.Rtp;
using PagingServer.Media.Tests.Codecs;

namespace PagingServer.Media.Tests.Rtp;

/// <summary>A real RTP sender: ffmpeg's RTP muxer streams a 1 kHz tone to a session.</summary>
public class FfmpegPeerTests
{
    private static int FreeEvenPort()
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            using var a = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            a.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            int port = ((IPEndPoint)a.LocalEndPoint!).Port & ~1;
            try
            {
                using var b = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                using var c = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                a.Dispose();
                b.Bind(new IPEndPoint(IPAddress.Loopback, port));
                c.Bind(new IPEndPoint(IPAddress.Loopback, port + 1));
                return port;
            }
            catch (SocketException)
            {
                // Taken meanwhile: try another.
            }
        }

        throw new InvalidOperationException("no free port pair");
    }

    [Theory]
    [InlineData("pcmu")]
    [InlineData("g722")]
    [InlineData("opus")]
    public void A_tone_streamed_by_ffmpeg_plays_as_a_tone(string codecName)
    {
        (CodecDescription codec, string[] encode) = codecName switch
        {
            "pcmu" => (CodecDescription.Pcmu, new[] { "-ar", "8000", "-c:a", "pcm_mulaw" }),
            "g722" => (CodecDescription.G722, new[] { "-ar", "16000", "-c:a", "g722" }),
            _ => (CodecDescription.Opus(111), new[] { "-ar", "48000", "-c:a", "libopus", "-b:a", "64k", "-payload_type", "111" }),
        };
        var allocator = new RtpPortAllocator(20000, 60000, IPAddress.Loopback);
        RtpSocketPair pair = allocator.TryAllocate()!;
        int ffmpegPort = FreeEvenPort();
        var sink = new ClockedSink(48000, TimeProvider.System);
        var options = new CallMediaOptions { RtcpInterval = TimeSpan.FromMilliseconds(500) };
        using var session = new RtpSession(pair, new IPEndPoint(IPAddress.Loopback, ffmpegPort), codec, 48000, sink, options, TimeProvider.System);
        session.Start();

        Ffmpeg.Run(
        [
            "-re", "-f", "lavfi", "-i", "aevalsrc=0.5*sin(2*PI*1000*t):s=48000:d=2", "-ac", "1",
            .. encode,
            "-f", "rtp", $"rtp://127.0.0.1:{pair.Port}?localrtpport={ffmpegPort}&localrtcpport={ffmpegPort + 1}",
        ]);
        Thread.Sleep(300);
        CallQuality q = session.Stop();
        TestReport.Write($"media-ffmpeg-peer-{codecName}", $"ffmpeg RTP {codecName} -> RtpSession: {q}");

        Assert.Null(session.Fault);
        Assert.Equal(0, session.Rejected);
        Assert.InRange(q.Packets, 95, 105);
        Assert.Equal(0, q.Lost);
        float[] output = sink.Snapshot();
        Assert.True(output.Length > 48000 * 3 / 2, $"{output.Length} samples out");
        ReadOnlySpan<float> middle = output.AsSpan(48000 / 2, 48000);
        int crossings = 0;
        for (int i = 1; i < middle.Length; i++)
        {
            if ((middle[i - 1] < 0) != (middle[i] < 0))
            {
                crossings++;
            }
        }

        Assert.InRange(crossings, 1980, 2020);
        Assert.InRange(Signal.Rms(middle), 0.25, 0.45);
    }
}
