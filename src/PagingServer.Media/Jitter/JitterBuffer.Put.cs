namespace PagingServer.Media.Jitter;

public sealed partial class JitterBuffer
{
    /// <summary>Offers one packet's payload. Returns false when it is dropped (late,
    /// duplicate, empty or oversized); the statistics say which.</summary>
    /// <param name="sequenceNumber">RTP sequence number.</param>
    /// <param name="timestamp">RTP timestamp in clock-rate units.</param>
    /// <param name="payload">The payload, copied into a pre-allocated slot.</param>
    public bool Put(ushort sequenceNumber, uint timestamp, ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty || payload.Length > options.MaxPayloadBytes)
        {
            return false;
        }

        long extSeq;
        long extTick;
        if (!haveStream)
        {
            haveStream = true;
            extSeq = sequenceNumber;
            extTick = timestamp;
        }
        else
        {
            // Place seq and timestamp nearest to the highest seen: survives 16-bit and 32-bit wraps.
            extSeq = highestSeq + (short)(sequenceNumber - (ushort)highestSeq);
            extTick = highestTick + (int)(timestamp - (uint)highestTick);
        }

        long extTs = extTick * samplesPerTick;
        if (extSeq > highestSeq || (bufferedCount == 0 && !anchored))
        {
            highestSeq = extSeq;
            highestTick = extTick;
        }

        if (!anchored)
        {
            // Back after a long underrun: what did not come in between was lost.
            long missed = extSeq - nextSeq;
            if (Statistics.Resets > 0 && missed > 0 && missed < 3000)
            {
                Statistics.Lost += missed;
            }

            Anchor(extSeq, extTs);
        }
        else if (extSeq >= nextSeq + slotSeq.Length || extSeq < nextSeq - RestartDistance)
        {
            // Far ahead of what the slots can hold, or so far behind that it cannot be a late
            // packet: the sender restarted its sequence space; start over from here.
            Array.Fill(slotSeq, -1);
            bufferedCount = 0;
            Anchor(extSeq, extTs);
        }

        RecordTransit(readClock - extTs);
        if (extSeq < nextSeq)
        {
            Statistics.Late++;
            return false;
        }

        long slot = extSeq & mask;
        if (slotSeq[slot] == extSeq)
        {
            Statistics.Duplicates++;
            return false;
        }

        if (slotSeq[slot] < 0)
        {
            bufferedCount++;
        }

        slotSeq[slot] = extSeq;
        slotTs[slot] = extTs;
        slotLength[slot] = payload.Length;
        slotArrival[slot] = readClock;
        payload.CopyTo(payloads.AsSpan((int)slot * options.MaxPayloadBytes));
        Statistics.Accepted++;
        return true;
    }

    /// <summary>Packets behind the play position beyond which a packet means a restart, not lateness.</summary>
    private const int RestartDistance = 1000;

    /// <summary>Starts playing this stream: silence until the packet has waited the target delay.</summary>
    private void Anchor(long extSeq, long extTs)
    {
        anchored = true;
        nextSeq = extSeq;
        playTs = extTs - TargetDelaySamples;
        offset = readClock - playTs;
        underrunRun = 0;
        transitCount = 0;
        transitNext = 0;
        Statistics.Resets++;
    }

    /// <summary>Adds one transit (reader clock at arrival minus timestamp) to the window and
    /// derives the target: the spread of transits plus the safety margin.</summary>
    private void RecordTransit(long transit)
    {
        transits[transitNext] = transit;
        transitNext = (transitNext + 1) % transits.Length;
        transitCount = Math.Min(transitCount + 1, transits.Length);
        long min = long.MaxValue;
        long max = long.MinValue;
        for (int i = 0; i < transitCount; i++)
        {
            min = Math.Min(min, transits[i]);
            max = Math.Max(max, transits[i]);
        }

        minTransit = min;
        maxTransit = max;
        long target = max - min + Ms(options.SafetyMarginMs);
        TargetDelaySamples = (int)Math.Clamp(target, Ms(options.MinDelayMs), Ms(options.MaxDelayMs));
    }
}
