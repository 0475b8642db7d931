using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PagingServer.Bench.Jack;
using PagingServer.Tests.EndToEnd;

namespace PagingServer.Bench.Sip;

/// <summary>
/// A PCMU stream paced at 20 ms that is silent but for a 1 kHz burst every
/// <see cref="BurstEvery"/>; the moment each burst's first packet leaves is noted on JACK's
/// clock. Where a burst shows up at the speaker gives the delay from RTP arrival to speaker.
/// </summary>
internal sealed class RtpBursts
{
    public static readonly TimeSpan BurstEvery = TimeSpan.FromMilliseconds(500);
    private const int PacketsPerBurst = 5; // 100 ms

    public List<long> BurstSentUsec { get; } = [];

    /// <summary>Sends for <paramref name="length"/> from <paramref name="socket"/> to <paramref name="to"/>; the first burst after <paramref name="lead"/>.</summary>
    public void Send(Socket socket, IPEndPoint to, TimeSpan length, TimeSpan lead)
    {
        int packets = (int)(length.TotalMilliseconds / 20);
        int every = (int)(BurstEvery.TotalMilliseconds / 20);
        int first = (int)(lead.TotalMilliseconds / 20);
        var packet = new byte[PcmuTone.PacketBytes];
        long start = Stopwatch.GetTimestamp();
        for (int p = 0; p < packets; p++)
        {
            int inBurst = p >= first ? (p - first) % every : -1;
            // A burst is 1 kHz from phase 0; between bursts, silence (amplitude 0).
            bool loud = inBurst is >= 0 and < PacketsPerBurst;
            PcmuTone.WritePacket(packet, loud ? inBurst : 0, (ushort)p, (uint)(p * PcmuTone.SamplesPerPacket), 0xbe4c0001, 1000, loud ? 0.5 : 0);

            // Pace on the clock, not on sleeps: a late packet is sent at once, not pushed back.
            TimeSpan due = TimeSpan.FromMilliseconds(20 * p);
            while (Stopwatch.GetElapsedTime(start) < due - TimeSpan.FromMilliseconds(2))
                Thread.Sleep(1);
            while (Stopwatch.GetElapsedTime(start) < due)
                Thread.SpinWait(50);
            if (inBurst == 0)
                BurstSentUsec.Add((long)Libjack.jack_get_time());
            socket.SendTo(packet, to);
        }
    }
}
