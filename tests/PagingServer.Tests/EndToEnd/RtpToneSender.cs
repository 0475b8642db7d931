using System.Net;
using System.Net.Sockets;

namespace PagingServer.Tests.EndToEnd;

/// <summary>
/// A caller's audio sent by the test itself: a PCMU tone, 20 ms packets, from a socket of its
/// own, so a test can send from two addresses at once or switch streams mid-call (things sipp's
/// pcap playback cannot do).
/// </summary>
internal sealed class RtpToneSender : IDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Thread thread;
    private readonly double hz;
    private readonly uint ssrc;
    private volatile IPEndPoint? target;
    private volatile bool stopping;

    public RtpToneSender(double hz, uint ssrc)
    {
        this.hz = hz;
        this.ssrc = ssrc;
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        thread = new Thread(Run) { IsBackground = true, Name = $"rtp {hz} Hz" };
    }

    /// <summary>The port the packets leave from (what the caller's SDP names).</summary>
    public int Port => ((IPEndPoint)socket.LocalEndPoint!).Port;

    /// <summary>Starts sending to the pager's RTP port.</summary>
    public void Start(IPEndPoint pager)
    {
        target = pager;
        thread.Start();
    }

    private void Run()
    {
        var packet = new byte[PcmuTone.PacketBytes];
        // Sequence and timestamp start away from zero, as RFC 3550 5.1 has them random.
        ushort sequence = (ushort)(ssrc * 7);
        uint timestamp = ssrc * 13;
        long next = Environment.TickCount64;
        for (long p = 0; !stopping; p++)
        {
            PcmuTone.WritePacket(packet, p, sequence++, timestamp, ssrc, hz, 0.5);
            timestamp += PcmuTone.SamplesPerPacket;
            socket.SendTo(packet, target!);
            next += 20;
            int wait = (int)(next - Environment.TickCount64);
            if (wait > 0)
                Thread.Sleep(wait);
        }
    }

    public void Dispose()
    {
        stopping = true;
        if (thread.IsAlive)
            thread.Join();
        socket.Dispose();
    }
}
