using PagingServer.Media.Rtp;

namespace PagingServer.Media.Tests.Rtp;

/// <summary>
/// Stands in for the JACK call ring: consumes samples at its rate as the given clock moves,
/// keeps everything written (pre-allocated, so it allocates nothing while written to).
/// </summary>
internal sealed class ClockedSink(int rate, TimeProvider time, int capacitySeconds = 120) : IAudioSink
{
    private readonly float[] samples = new float[rate * capacitySeconds];
    private readonly long start = time.GetTimestamp();
    private readonly Lock gate = new();
    private int count;

    public int Buffered
    {
        get
        {
            double consumed = time.GetElapsedTime(start).TotalSeconds * rate;
            lock (gate)
            {
                return (int)Math.Max(0, count - consumed);
            }
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return count;
            }
        }
    }

    public int Write(ReadOnlySpan<float> data)
    {
        lock (gate)
        {
            int n = Math.Min(data.Length, samples.Length - count);
            data[..n].CopyTo(samples.AsSpan(count));
            count += n;
            return n;
        }
    }

    public float[] Snapshot()
    {
        lock (gate)
        {
            return samples.AsSpan(0, count).ToArray();
        }
    }
}

/// <summary>Builds RTP datagrams for tests.</summary>
internal static class Packets
{
    public static int Build(Span<byte> buffer, ushort seq, uint ts, uint ssrc, int pt, ReadOnlySpan<byte> payload, bool marker = false)
    {
        int n = RtpHeader.WriteFixed(buffer, marker, pt, seq, ts, ssrc);
        payload.CopyTo(buffer[n..]);
        return n + payload.Length;
    }

    /// <summary>20 ms of a µ-law tone, packet <paramref name="k"/> of a continuous stream.</summary>
    public static byte[] MuLawTone(int k, double hz = 1000, float amplitude = 0.5f)
    {
        var pcm = new float[160];
        for (int i = 0; i < 160; i++)
        {
            pcm[i] = amplitude * MathF.Sin((float)(2 * Math.PI * hz * ((k * 160) + i) / 8000));
        }

        var payload = new byte[160];
        PagingServer.Media.Codecs.G711.EncodeMuLaw(pcm, payload);
        return payload;
    }
}
