using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using PagingServer.Media.Codecs;
using PagingServer.Media.Rtp;

namespace PagingServer.Media.Tests.Rtp;

/// <summary>Sessions on loopback sockets with a scripted peer.</summary>
public sealed class RtpSessionTests : IDisposable
{
    private static readonly CallMediaOptions Options = new()
    {
        RtcpInterval = TimeSpan.FromMilliseconds(200),
        RtpTimeout = TimeSpan.FromSeconds(30),
    };

    private readonly Socket peer = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Socket peerRtcp = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Socket intruder = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly RtpPortAllocator allocator = new(20000, 60000, IPAddress.Loopback);

    public RtpSessionTests()
    {
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        peerRtcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        intruder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        peerRtcp.ReceiveTimeout = 3000;
    }

    private IPEndPoint PeerEndPoint => (IPEndPoint)peer.LocalEndPoint!;

    public void Dispose()
    {
        peer.Dispose();
        peerRtcp.Dispose();
        intruder.Dispose();
    }

    private RtpSession NewSession(ClockedSink sink, TimeProvider time, Action? timedOut = null, CallMediaOptions? options = null)
    {
        RtpSocketPair pair = allocator.TryAllocate() ?? throw new InvalidOperationException("no RTP port free");
        return new RtpSession(pair, PeerEndPoint, CodecDescription.Pcmu, 48000, sink, options ?? Options, time, timedOut: timedOut);
    }

    private static void Send(Socket from, int port, ushort seq, uint ssrc, int k)
    {
        var datagram = new byte[200];
        int n = Packets.Build(datagram, seq, (uint)(k * 160), ssrc, 0, Packets.MuLawTone(k));
        from.SendTo(datagram.AsSpan(0, n), SocketFlags.None, new IPEndPoint(IPAddress.Loopback, port));
    }

    private static void WaitFor(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            Thread.Sleep(10);
        }
    }

    [Fact]
    public void Audio_from_the_peer_plays_and_packets_from_elsewhere_or_another_ssrc_do_not()
    {
        var sink = new ClockedSink(48000, TimeProvider.System);
        using RtpSession session = NewSession(sink, TimeProvider.System);
        session.Start();
        for (int k = 0; k < 50; k++)
        {
            Send(peer, session.LocalPort, (ushort)k, 1111, k);
            Send(intruder, session.LocalPort, (ushort)(k + 7), 1111, k); // RTP bleed attempt
            Send(peer, session.LocalPort, (ushort)(k + 3000), 2222, k);  // a second stream
            Thread.Sleep(20);
        }

        WaitFor(() => session.Rejected >= 100, "rejections");
        CallQuality q = session.Stop();
        Assert.Equal(50, q.Packets);
        Assert.Equal(1111u, session.RemoteSsrc);
        Assert.Equal(100, session.Rejected);
        Assert.InRange(sink.Count, 48000 * 8 / 10, 48000 * 2);
        Assert.True(Codecs.Signal.Rms(sink.Snapshot().AsSpan(9600, 24000)) > 0.3, "the tone is heard");
    }

    [Fact]
    public void After_a_reinvite_a_new_ssrc_is_followed()
    {
        var sink = new ClockedSink(48000, TimeProvider.System);
        using RtpSession session = NewSession(sink, TimeProvider.System);
        session.Start();
        for (int k = 0; k < 10; k++)
        {
            Send(peer, session.LocalPort, (ushort)k, 1111, k);
        }

        WaitFor(() => session.RemoteSsrc == 1111, "lock on the first SSRC");
        session.ExpectNewSsrc();
        for (int k = 0; k < 10; k++)
        {
            Send(peer, session.LocalPort, (ushort)(40000 + k), 3333, k);
        }

        WaitFor(() => session.RemoteSsrc == 3333, "the new SSRC");
        Send(peer, session.LocalPort, 10, 1111, 10);
        WaitFor(() => session.Rejected == 1, "the old SSRC rejected");
        CallQuality q = session.Stop();
        Assert.Equal(20, q.Packets);
    }

    [Fact]
    public void Receiver_reports_go_to_where_the_peers_rtcp_comes_from_and_echo_its_sender_report()
    {
        var sink = new ClockedSink(48000, TimeProvider.System);
        using RtpSession session = NewSession(sink, TimeProvider.System);
        session.Start();
        for (int k = 0; k < 20; k++)
        {
            Send(peer, session.LocalPort, (ushort)(65530 + k), 4444, k);
        }

        WaitFor(() => session.RemoteSsrc == 4444, "the stream");
        // The peer's RTCP comes from a port other than RTP + 1 (a NAT would do this).
        byte[] sr = new byte[28];
        sr[0] = 0x80;
        sr[1] = 200;
        BinaryPrimitives.WriteUInt16BigEndian(sr.AsSpan(2), 6);
        BinaryPrimitives.WriteUInt32BigEndian(sr.AsSpan(4), 4444);
        BinaryPrimitives.WriteUInt64BigEndian(sr.AsSpan(8), 0x0000ABCD12340000);
        peerRtcp.SendTo(sr, new IPEndPoint(IPAddress.Loopback, session.LocalPort + 1));

        var buffer = new byte[1500];
        uint lsr = 0;
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (lsr == 0 && DateTime.UtcNow < deadline)
        {
            int n = peerRtcp.Receive(buffer);
            Assert.True(Rtcp.TryRead(buffer.AsSpan(0, n), out RtcpSummary summary));
            Assert.Equal(session.LocalSsrc, summary.SenderSsrc);
            Assert.Equal(201, buffer[1]);
            if ((buffer[0] & 0x1F) == 1)
            {
                Assert.Equal(4444u, BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(8)));
                Assert.Equal(0, buffer[12]); // no loss
                Assert.Equal((1u << 16) + 13, BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(16))); // 65530 + 19 wrapped
                lsr = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(24));
            }
        }

        Assert.Equal(0xABCD1234u, lsr);
        session.Stop();
    }

    [Fact]
    public void A_caller_sending_from_its_signalling_address_is_latched_and_the_sdp_address_is_then_refused()
    {
        var sink = new ClockedSink(48000, TimeProvider.System);
        using RtpSession session = NewSession(sink, TimeProvider.System);
        // The SDP named `peer`; the INVITE came from where `intruder` sits.
        session.AlsoAcceptFrom((IPEndPoint)intruder.LocalEndPoint!);
        session.Start();
        Send(intruder, session.LocalPort, 0, 4444, 0);
        WaitFor(() => session.RemoteSsrc == 4444, "latched onto the signalling address");
        Send(peer, session.LocalPort, 1, 4444, 1);
        Send(intruder, session.LocalPort, 1, 4444, 1);
        WaitFor(() => session.Rejected == 1, "the SDP address refused after the latch");
        Assert.Equal(2, session.Stop().Packets);
    }

    [Fact]
    public void After_a_reinvite_that_moves_the_peer_only_the_new_address_is_heard()
    {
        var sink = new ClockedSink(48000, TimeProvider.System);
        using RtpSession session = NewSession(sink, TimeProvider.System);
        session.Start();
        Send(peer, session.LocalPort, 0, 1111, 0);
        WaitFor(() => session.RemoteSsrc == 1111, "the first stream");
        session.UpdatePeer((IPEndPoint)intruder.LocalEndPoint!);
        session.ExpectNewSsrc();
        Thread.Sleep(50); // the receive loop picks the change up within a poll interval
        Send(peer, session.LocalPort, 1, 1111, 1);
        Send(intruder, session.LocalPort, 500, 6666, 0);
        WaitFor(() => session.RemoteSsrc == 6666, "the moved peer");
        WaitFor(() => session.Rejected == 1, "the old address rejected");
        Assert.Equal(2, session.Stop().Packets);
    }

    [Fact]
    public void Silence_for_rtp_timeout_is_reported_once()
    {
        var time = new ManualTimeProvider();
        int timeouts = 0;
        using RtpSession session = NewSession(new ClockedSink(48000, time), time, () => Interlocked.Increment(ref timeouts));
        session.Start();
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, timeouts);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, timeouts);
        time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, timeouts);
        Assert.True(session.Stop().TimedOut);
    }

    [Fact]
    public void The_receive_thread_allocates_nothing_per_packet()
    {
        var sink = new ClockedSink(48000, TimeProvider.System);
        using RtpSession session = NewSession(sink, TimeProvider.System);
        session.Start();
        var datagram = new byte[200];
        byte[] payload = Packets.MuLawTone(0);
        var to = new IPEndPoint(IPAddress.Loopback, session.LocalPort).Serialize();
        const int Count = 300;
        for (int k = 0; k < Count; k++)
        {
            int n = Packets.Build(datagram, (ushort)k, (uint)(k * 160), 5555, 0, payload);
            peer.SendTo(datagram.AsSpan(0, n), SocketFlags.None, to);
            Thread.Sleep(20);
        }

        WaitFor(() => session.ReceiveThreadAllocatedBytes >= 0, "warm-up");
        Thread.Sleep(100);
        long allocated = session.ReceiveThreadAllocatedBytes;
        CallQuality q = session.Stop();
        TestReport.Write("media-rtp-receive-allocation", $"RTP receive thread, {q.Packets} packets at 20 ms over loopback ({Count - RtpSession.WarmUpPackets} after warm-up), RTCP every 200 ms: {allocated} bytes allocated; {q}");
        Assert.Equal(Count, q.Packets);
        Assert.True(session.ReportsSent > 0);
        Assert.Null(session.Fault);
        Assert.Equal(0, allocated);
    }
}
