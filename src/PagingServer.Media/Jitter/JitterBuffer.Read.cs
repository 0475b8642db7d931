namespace PagingServer.Media.Jitter;

public sealed partial class JitterBuffer
{
    /// <summary>Fills <paramref name="output"/> with the next audio at <see cref="SampleRate"/>:
    /// decoded packets, concealment for lost ones, silence before the first packet and in gaps.
    /// Always fills the whole span; call it at the pace audio is played.</summary>
    public void Read(Span<float> output)
    {
        int written = 0;
        while (written < output.Length)
        {
            int need = output.Length - written;
            if (pendingCount == 0)
            {
                if (!anchored)
                {
                    output[written..].Clear();
                    Statistics.SilenceSamples += need;
                    readClock += need;
                    return;
                }

                NextFrame();
            }

            int n = Math.Min(need, pendingCount);
            pending.AsSpan(pendingStart, n).CopyTo(output[written..]);
            pendingStart += n;
            pendingCount -= n;
            written += n;
            readClock += n;
        }
    }

    /// <summary>Puts the next piece of audio into <see cref="pending"/>.</summary>
    private void NextFrame()
    {
        pendingStart = 0;
        long slot = nextSeq & mask;
        if (slotSeq[slot] == nextSeq)
        {
            long gap = slotTs[slot] - playTs;
            if (gap > Ms(options.MaxDelayMs) || gap < -Ms(options.MaxDelayMs))
            {
                // A pause longer than the buffer (silence suppression) or a timestamp jump (a
                // sender restart): play only the target delay of silence, not the whole pause
                // (RFC 3551 4.1), and never skip audio for a jump backwards.
                playTs = slotTs[slot] - TargetDelaySamples;
                offset = readClock - playTs;
                transitCount = 0;
                Statistics.Resets++;
                gap = TargetDelaySamples;
            }

            if (gap > 0)
            {
                // A timestamp gap is silence the sender meant; only a loss just before it
                // keeps fading out through it.
                int g = (int)Math.Min(gap, SampleRate / 100);
                if (erasedSamples > 0)
                {
                    FillMissing(pending.AsSpan(0, g));
                }
                else
                {
                    pending.AsSpan(0, g).Clear();
                    Statistics.SilenceSamples += g;
                }

                pendingCount = g;
                playTs += g;
                return;
            }

            DecodeSlot(slot, (int)-gap);
            return;
        }

        if (bufferedCount > 0)
        {
            SkipLost();
            return;
        }

        // Underrun: nothing to play. Conceal without moving the play position, which raises
        // the delay by what the late packet needs; after a long silence start over.
        // In 10 ms pieces whatever the reader asked for: codecs conceal in whole steps.
        int k = SampleRate / 100;
        underrunRun += k;
        if (underrunRun > Ms(options.MaxDelayMs))
        {
            // Packets that come back after this are counted lost from nextSeq on (see Put).
            anchored = false;
            concealer.Reset();
            Array.Fill(slotSeq, -1);
            bufferedCount = 0;
        }

        FillMissing(pending.AsSpan(0, k));
        pendingCount = k;
        offset += k;
        Statistics.ExpandedSamples += k;
    }

    /// <summary>
    /// The packet due now is missing while later ones are here: it is lost. Conceal one
    /// frame in its place; but when an underrun just played concealment in its time already,
    /// let that stand for the lost audio instead of adding more delay.
    /// </summary>
    private void SkipLost()
    {
        if (underrunRun > 0)
        {
            long present = nextSeq + 1;
            while (slotSeq[present & mask] != present && present < nextSeq + slotSeq.Length)
            {
                present++;
            }

            long missing = Math.Max(0, slotTs[present & mask] - playTs);
            long skipped = Math.Min(underrunRun, missing);
            Statistics.Lost += present - nextSeq;
            nextSeq = present;
            playTs += skipped;
            offset -= skipped;
            Statistics.ExpandedSamples -= skipped;
            underrunRun = 0;
            pendingCount = 0;
            return;
        }

        Statistics.Lost++;
        int frame = lastFrameSamples;
        FillMissing(pending.AsSpan(0, frame));
        pendingCount = frame;
        playTs += frame;
        nextSeq++;
    }

    private void DecodeSlot(long slot, int overlap)
    {
        ReadOnlySpan<byte> payload = payloads.AsSpan((int)slot * options.MaxPayloadBytes, slotLength[slot]);
        int half = pending.Length / 2;
        int n = decoder.Decode(payload, pending.AsSpan(0, half));
        Statistics.WaitSum += readClock - slotArrival[slot];
        Statistics.WaitCount++;
        long ts = slotTs[slot];
        slotSeq[slot] = -1;
        bufferedCount--;
        nextSeq++;
        underrunRun = 0;
        if (n <= 0)
        {
            // Undecodable payload: treat as lost.
            Statistics.Lost++;
            n = lastFrameSamples;
            FillMissing(pending.AsSpan(0, n));
            pendingCount = n;
            playTs = ts + n;
            return;
        }

        lastFrameSamples = n;
        Span<float> frame = pending.AsSpan(0, n);
        if (erasedSamples > 0)
        {
            concealer.MergeInto(frame);
            erasedSamples = 0;
            // Counted only now that audio came back: the fade after a stream's last packet
            // (hang-up, hold) is not concealment of anything.
            Statistics.ConcealedSamples += erasureAudible;
            erasureAudible = 0;
        }

        concealer.Observe(frame);
        playTs = ts + n;

        // Audio already played in its place (the play position ran past its timestamp).
        int skip = Math.Min(overlap, n);
        if (skip > 0)
        {
            frame[skip..].CopyTo(frame);
            n -= skip;
        }

        pendingCount = n + Stretch(n);
    }

    /// <summary>Fills in for missing audio: the codec's own concealment or G.711 Appendix I
    /// style repetition, silence once faded out.</summary>
    private void FillMissing(Span<float> output)
    {
        int fadeEnd = Ms(options.ConcealmentFadeMs);
        int audible;
        if (erasedSamples >= fadeEnd)
        {
            output.Clear();
            audible = 0;
        }
        else if (decoder.ConcealsLoss)
        {
            int n = decoder.Conceal(output);
            output[n..].Clear();
            audible = (int)Math.Min(n, fadeEnd - erasedSamples);
        }
        else
        {
            audible = concealer.Conceal(output);
        }

        erasedSamples += output.Length;
        erasureAudible += audible;
        Statistics.SilenceSamples += output.Length - audible;
    }
}
