namespace PagingServer.Media.Rtp;

/// <summary>
/// Per-source reception counters of RFC 3550 appendix A: extended sequence numbers and
/// wrap counting (A.1), loss (A.3) and interarrival jitter (A.8). Mutated by the receiving
/// thread only. A.1's probation is left out: the source has already been admitted by
/// address and SSRC before it gets here.
/// </summary>
public sealed class ReceptionStatistics
{
    /// <summary>RFC 3550 A.1: a jump this far ahead is a restart, not loss.</summary>
    private const int MaxDropout = 3000;

    /// <summary>RFC 3550 A.1: packets this far behind are late or duplicate, not a restart.</summary>
    private const int MaxMisorder = 100;

    private const uint SeqModulo = 1 << 16;

    private ushort maxSeq;
    private uint cycles;
    private uint baseSeq;
    private uint badSeq = SeqModulo + 1;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private bool started;
    private bool haveTransit;
    private int transit;
    private uint jitterQ4;

    /// <summary>Packets counted (duplicates included, as in A.1).</summary>
    public long Received => received;

    /// <summary>Highest sequence number seen, with wrap count in the upper 16 bits.</summary>
    public uint ExtendedHighestSequence => cycles + maxSeq;

    /// <summary>Packets expected from the first to the highest sequence number (A.3).</summary>
    public long Expected => started ? (long)ExtendedHighestSequence - baseSeq + 1 : 0;

    /// <summary>Cumulative number of packets lost (A.3); negative when duplicates outnumber losses.</summary>
    public long CumulativeLost => Expected - received;

    /// <summary>Interarrival jitter in timestamp units (A.8).</summary>
    public uint Jitter => jitterQ4 >> 4;

    /// <summary>Counts one packet; returns its extended sequence number, or -1 when the packet
    /// is too far out of order to place (a restart is then assumed on the next in-order one).</summary>
    public long Update(ushort seq)
    {
        if (!started)
        {
            Restart(seq);
            received = 1;
            return ExtendedHighestSequence;
        }

        ushort delta = (ushort)(seq - maxSeq);
        if (delta < MaxDropout)
        {
            // In order, with a permissible gap: wrapped when the number went down.
            if (seq < maxSeq)
            {
                cycles += SeqModulo;
            }

            maxSeq = seq;
        }
        else if (delta <= SeqModulo - MaxMisorder)
        {
            // A very large jump: two sequential such packets mean the sender restarted.
            if (seq == badSeq)
            {
                Restart(seq);
            }
            else
            {
                badSeq = (uint)((seq + 1) & (SeqModulo - 1));
                return -1;
            }
        }

        received++;
        return Extend(seq);
    }

    /// <summary>RFC 3550 A.8: feeds one packet's arrival, both times in timestamp units.</summary>
    public void UpdateJitter(uint arrivalInTimestampUnits, uint rtpTimestamp)
    {
        int t = (int)(arrivalInTimestampUnits - rtpTimestamp);
        if (haveTransit)
        {
            int d = Math.Abs(t - transit);
            // J += (|D| - J) / 16, kept scaled by 16 to stay in integers.
            jitterQ4 = (uint)(jitterQ4 + d - ((jitterQ4 + 8) >> 4));
        }

        transit = t;
        haveTransit = true;
    }

    /// <summary>Fraction lost since the previous call, in 1/256 (A.3), then starts a new interval.</summary>
    public byte TakeFractionLost()
    {
        long expected = Expected;
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        return expectedInterval == 0 || lostInterval <= 0 ? (byte)0 : (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);
    }

    /// <summary>The extended number of <paramref name="seq"/>, placed in the cycle nearest to
    /// the highest sequence number (handles late packets from before a wrap).</summary>
    public long Extend(ushort seq)
    {
        long ext = cycles + seq;
        long max = ExtendedHighestSequence;
        if (ext - max > SeqModulo / 2)
        {
            ext -= SeqModulo;
        }
        else if (max - ext > SeqModulo / 2)
        {
            ext += SeqModulo;
        }

        return ext;
    }

    private void Restart(ushort seq)
    {
        started = true;
        baseSeq = seq;
        maxSeq = seq;
        cycles = 0;
        badSeq = SeqModulo + 1;
        received = 0;
        expectedPrior = 0;
        receivedPrior = 0;
    }
}
