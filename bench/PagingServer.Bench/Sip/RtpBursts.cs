using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PagingServer.Bench.Jack;
using PagingServer.Media.Codecs;

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
    private const int Samples = 160;

    public List<long> BurstSentUsec { get; } = [];

    /// <summary>Sends for <paramref name="length"/> from <paramref name="socket"/> to <paramref name="to"/>; the first burst after <paramref name="lead"/>.</summary>
    public void Send(Socket socket, IPEndPoint to, TimeSpan length, TimeSpan lead)
    {
        int packets = (int)(length.TotalMilliseconds / 20);
        int every = (int)(BurstEvery.TotalMilliseconds / 20);
        int first = (int)(lead.TotalMilliseconds / 20);
        var packet = new byte[12 + Samples];
        byte[] silence = new byte[Samples];
        Array.Fill(silence, G711.LinearToMuLaw(0));
        long start = Stopwatch.GetTimestamp();
        for (int p = 0; p < packets; p++)
        {
            packet[0] = 0x80;
            packet[1] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)p);
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), (uint)(p * Samples));
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), 0xbe4c0001);
            int inBurst = p >= first ? (p - first) % every : -1;
            if (inBurst is >= 0 and < PacketsPerBurst)
            {
                for (int i = 0; i < Samples; i++)
                    packet[12 + i] = G711.LinearToMuLaw((short)(0.5 * short.MaxValue * Math.Sin(2 * Math.PI * 1000 * (inBurst * Samples + i) / 8000.0)));
            }
            else
            {
                silence.CopyTo(packet.AsSpan(12));
            }

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
