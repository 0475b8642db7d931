using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PagingServer.Media.Rtp;

public sealed partial class RtpSession
{
    /// <summary>RTCP of the receive thread: what the peer's SRs said, and our RRs.</summary>
    private sealed class RtcpState
    {
        private readonly RtpSession owner;
        private readonly byte[] sendBuffer = new byte[512];
        private readonly byte[] cname;
        private readonly Random random = new();
        private readonly ReportBlock[] blocks = new ReportBlock[1];
        private long nextSend;
        private uint lastSrNtpMiddle;
        private long lastSrArrival;

        public RtcpState(RtpSession owner)
        {
            this.owner = owner;
            cname = Encoding.UTF8.GetBytes(owner.options.Cname.Length > 255 ? owner.options.Cname[..255] : owner.options.Cname);
            nextSend = owner.time.GetTimestamp() + Interval();
        }

        /// <summary>Symmetric RTCP: reports go where the peer's RTCP comes from (same host only).</summary>
        public void OnReceived(ReadOnlySpan<byte> datagram, SocketAddress from)
        {
            if (!SameHost(from, owner.peerRtp) || !Rtcp.TryRead(datagram, out RtcpSummary summary))
            {
                Interlocked.Increment(ref owner.rejected);
                return;
            }

            if (!from.Equals(owner.peerRtcp))
            {
                // Same size and family (SameHost checked): copy in place, no allocation.
                from.Buffer.Span[..from.Size].CopyTo(owner.peerRtcp.Buffer.Span);
            }

            if (summary.HasSenderReport && summary.SenderSsrc == owner.RemoteSsrc)
            {
                lastSrNtpMiddle = summary.NtpMiddle;
                lastSrArrival = owner.time.GetTimestamp();
            }
        }

        public void SendIfDue()
        {
            long now = owner.time.GetTimestamp();
            if (now < nextSend)
            {
                return;
            }

            nextSend = now + Interval();
            int count = 0;
            if (owner.ssrcLocked)
            {
                ReceptionStatistics r = owner.pipeline.Reception;
                uint dlsr = 0;
                if (lastSrArrival != 0)
                {
                    // DLSR in 1/65536 s (RFC 3550 6.4.1).
                    dlsr = (uint)(owner.time.GetElapsedTime(lastSrArrival, now).Ticks * 65536 / TimeSpan.TicksPerSecond);
                }

                blocks[0] = new ReportBlock(
                    owner.RemoteSsrc, r.TakeFractionLost(), (int)Math.Clamp(r.CumulativeLost, int.MinValue, int.MaxValue),
                    r.ExtendedHighestSequence, r.Jitter, lastSrNtpMiddle, dlsr);
                count = 1;
            }

            // A compound packet: RR first, then SDES with CNAME (RFC 3550 6.1).
            Span<byte> packet = sendBuffer;
            int length = Rtcp.WriteReceiverReport(packet, owner.LocalSsrc, blocks.AsSpan(0, count));
            length += Rtcp.WriteSdesCname(packet[length..], owner.LocalSsrc, cname);
            try
            {
                owner.sockets.Rtcp.SendTo(packet[..length], SocketFlags.None, owner.peerRtcp);
                Interlocked.Increment(ref owner.reportsSent);
            }
            catch (SocketException)
            {
                // ICMP unreachable from an earlier send, or no route: reports are best effort.
            }
        }

        /// <summary>RFC 3550 6.3.1: the interval is randomised over [0.5, 1.5] of its mean.</summary>
        private long Interval() =>
            (long)(owner.options.RtcpInterval.Ticks * (0.5 + random.NextDouble()) * owner.time.TimestampFrequency / TimeSpan.TicksPerSecond);
    }
}
