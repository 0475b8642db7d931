namespace PagingServer.Media.Jitter;

/// <summary>Counters of one jitter buffer, read by the receiving thread (or after it stopped).</summary>
public sealed class JitterStatistics
{
    /// <summary>Packets accepted into the buffer.</summary>
    public long Accepted { get; internal set; }

    /// <summary>Packets that arrived after their play-out time and were dropped.</summary>
    public long Late { get; internal set; }

    /// <summary>Second copies of a packet still buffered.</summary>
    public long Duplicates { get; internal set; }

    /// <summary>Packets whose play-out time came without them (concealed).</summary>
    public long Lost { get; internal set; }

    /// <summary>Samples synthesised by concealment before it faded out, counted when audio
    /// resumes after the gap.</summary>
    public long ConcealedSamples { get; internal set; }

    /// <summary>Samples of plain silence played (start-up, gaps, faded concealment).</summary>
    public long SilenceSamples { get; internal set; }

    /// <summary>Samples removed by time compression (delay above target, or sender faster).</summary>
    public long CompressedSamples { get; internal set; }

    /// <summary>Samples added by time expansion and underruns (delay below target).</summary>
    public long ExpandedSamples { get; internal set; }

    /// <summary>Times the buffer re-anchored (start, talkspurt after a long gap, restart).</summary>
    public long Resets { get; internal set; }

    /// <summary>Sum over played packets of the time each waited in the buffer, in samples.</summary>
    internal long WaitSum { get; set; }

    /// <summary>Number of packets in <see cref="WaitSum"/>.</summary>
    internal long WaitCount { get; set; }

    /// <summary>Mean time a packet waited from arrival to play-out, in samples.</summary>
    public double MeanWaitSamples => WaitCount == 0 ? 0 : (double)WaitSum / WaitCount;
}
