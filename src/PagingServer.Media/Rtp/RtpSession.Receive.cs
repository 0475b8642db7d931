using System.Net;
using System.Net.Sockets;

namespace PagingServer.Media.Rtp;

public sealed partial class RtpSession
{
    private long remoteSsrc;
    private long rejected;
    private long reportsSent;
    private Exception? fault;
    private bool ssrcLocked;
    private int oldSsrcPackets;

    /// <summary>Bytes allocated by the receive thread since warm-up (the first
    /// <see cref="WarmUpPackets"/> packets); -1 before then. Tests use it to prove the loop
    /// allocates nothing per packet.</summary>
    internal long ReceiveThreadAllocatedBytes => Volatile.Read(ref allocatedSinceWarmUp);

    private long allocatedSinceWarmUp = -1;

    /// <summary>Long enough for the JIT's tiering to settle (it allocates once when it first
    /// promotes a method; a NativeAOT build has no tiering).</summary>
    internal const int WarmUpPackets = 150;

    private void ReceiveLoop()
    {
        // Everything the loop touches is allocated here, once.
        byte[] buffer = new byte[2048];
        byte[] rtcpBuffer = new byte[1500];
        var from = new SocketAddress(peerRtp.Family);
        Socket rtp = sockets.Rtp;
        Socket rtcp = sockets.Rtcp;
        int pollMicroseconds = options.PollIntervalMs * 1000;
        var rtcpState = new RtcpState(this);
        long accepted = 0;
        long baseline = 0;
        try
        {
            while (!stopping)
            {
                if (peerChanged)
                {
                    ApplyPeerChange();
                }

                if (rtp.Poll(pollMicroseconds, SelectMode.SelectRead))
                {
                    int n = rtp.ReceiveFrom(buffer, SocketFlags.None, from);
                    if (Admit(buffer.AsSpan(0, n), from))
                    {
                        accepted++;
                    }
                }

                while (rtcp.Available > 0)
                {
                    int n = rtcp.ReceiveFrom(rtcpBuffer, SocketFlags.None, from);
                    rtcpState.OnReceived(rtcpBuffer.AsSpan(0, n), from);
                }

                pipeline.Pump();
                rtcpState.SendIfDue();

                if (accepted == WarmUpPackets && baseline == 0)
                {
                    baseline = GC.GetAllocatedBytesForCurrentThread();
                }
                else if (baseline != 0)
                {
                    Volatile.Write(ref allocatedSinceWarmUp, GC.GetAllocatedBytesForCurrentThread() - baseline);
                }
            }
        }
        catch (SocketException) when (stopping)
        {
            // Closed under us at stop.
        }
        catch (ObjectDisposedException) when (stopping)
        {
            // Closed under us at stop.
        }
#pragma warning disable CA1031 // An exception escaping this thread would end the process.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // A bug (the sink threw, say): keep it for the call layer, stop receiving; the
            // timeout then ends the call.
            Volatile.Write(ref fault, ex);
        }
    }

    /// <summary>
    /// Anti "RTP bleed": only the negotiated address and port (or the one alternative signalling
    /// named, latched on its first packet), only the locked SSRC.
    /// </summary>
    private bool Admit(ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        if (!ssrcLocked && alternatePeer is { } alternative && from.Equals(alternative) && !from.Equals(peerRtp))
        {
            // Symmetric RTP (RFC 4961): the caller sends from where its SIP came from, not
            // from the address its SDP names (a phone behind NAT, a host with several
            // addresses). Latch onto it; the SDP address is no longer accepted.
            var latched = new IPEndPoint(alternateAddress!, alternatePort);
            peerRtp = alternative;
            peerRtcp = new IPEndPoint(latched.Address, latched.Port + 1).Serialize();
            alternatePeer = null;
        }
        if (!from.Equals(peerRtp) || RtpHeader.TryParse(datagram, out RtpHeader header) != RtpParseStatus.Ok)
        {
            Interlocked.Increment(ref rejected);
            return false;
        }

        if (!ssrcLocked)
        {
            ssrcLocked = true;
            Volatile.Write(ref remoteSsrc, header.Ssrc);
        }
        else if (header.Ssrc != (uint)remoteSsrc)
        {
            if (!expectNewSsrc)
            {
                Interlocked.Increment(ref rejected);
                return false;
            }

            // A re-INVITE announced a new stream: a new sequence and timestamp space.
            expectNewSsrc = false;
            oldSsrcPackets = 0;
            pipeline.Restart();
            Volatile.Write(ref remoteSsrc, header.Ssrc);
        }
        else if (expectNewSsrc && ++oldSsrcPackets > 50)
        {
            // The stream went on unchanged after the re-INVITE: stop waiting for a new one.
            expectNewSsrc = false;
            oldSsrcPackets = 0;
        }

        Volatile.Write(ref lastPacketTimestamp, time.GetTimestamp());
        pipeline.Accept(header, datagram);
        return true;
    }

    private void ApplyPeerChange()
    {
        lock (gate)
        {
            peerChanged = false;
            peerRtp = pendingPeer.Serialize();
            peerRtcp = new IPEndPoint(pendingPeer.Address, pendingPeer.Port + 1).Serialize();
        }
    }

    /// <summary>True when both addresses name the same host, ports aside.</summary>
    private static bool SameHost(SocketAddress a, SocketAddress b)
    {
        if (a.Family != b.Family || a.Size != b.Size)
        {
            return false;
        }

        // sockaddr_in: address at bytes 4..7; sockaddr_in6: address at bytes 8..23.
        (int start, int length) = a.Family == AddressFamily.InterNetwork ? (4, 4) : (8, 16);
        return a.Buffer.Span.Slice(start, length).SequenceEqual(b.Buffer.Span.Slice(start, length));
    }
}
