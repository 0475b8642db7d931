using PagingServer.Media.Codecs;
using PagingServer.Media.Jitter;

namespace PagingServer.Media.Tests.Jitter;

/// <summary>A scripted network between a G.711 sender and a jitter buffer read every 2.5 ms
/// (about a JACK period), delay sampled every 10 ms.</summary>
internal sealed record StreamScenario
{
    public double Seconds { get; init; } = 60;
    public double JitterMs { get; init; }
    public double LossRate { get; init; }
    public double ReorderRate { get; init; }
    public double DuplicateRate { get; init; }
    public double SenderPpm { get; init; }
    public ushort FirstSeq { get; init; } = 1000;
    public uint FirstTimestamp { get; init; } = 12345;
    public int Seed { get; init; } = 42;
    public double ToneHz { get; init; } = 400;
    /// <summary>Packets (by index) never sent, e.g. a burst.</summary>
    public Func<int, bool> Drop { get; init; } = _ => false;
    /// <summary>Reads (2.5 ms each, by index) that do not happen: a JACK server losing cycles.</summary>
    public Func<int, bool> ReaderStalls { get; init; } = _ => false;
    public JitterBufferOptions Options { get; init; } = new() { MinDelayMs = 20, MaxDelayMs = 200 };
}

internal sealed record StreamOutcome(
    float[] Output, JitterStatistics Stats, List<(double T, double DelayMs, double TargetMs)> Delays, int Sent, int DroppedByNetwork, double Seconds)
{
    /// <summary>Delay samples from <paramref name="seconds"/> until the sender stops.</summary>
    public IEnumerable<(double T, double DelayMs, double TargetMs)> After(double seconds) =>
        Delays.Where(d => d.T >= seconds && d.T < Seconds - 0.1);
}

internal static class StreamSimulation
{
    private const int Frame = 160;

    public static StreamOutcome Run(StreamScenario s)
    {
        var rng = new Random(s.Seed);
        int packets = (int)(s.Seconds * 50);
        // The sender's clock runs (1 + ppm) fast: 20 ms of its audio take less real time.
        double period = 0.020 / (1 + (s.SenderPpm * 1e-6));
        var arrivals = new List<(double At, int Index)>();
        int dropped = 0;
        for (int k = 0; k < packets; k++)
        {
            if (s.Drop(k) || rng.NextDouble() < s.LossRate)
            {
                dropped++;
                continue;
            }

            double at = (k * period) + 0.005 + (rng.NextDouble() * s.JitterMs / 1000);
            if (rng.NextDouble() < s.ReorderRate)
            {
                at += 0.025; // arrives after its successor
            }

            arrivals.Add((at, k));
            if (rng.NextDouble() < s.DuplicateRate)
            {
                arrivals.Add((at + 0.003, k));
            }
        }

        arrivals.Sort((a, b) => a.At.CompareTo(b.At));
        var payloads = new byte[packets][];
        for (int k = 0; k < packets; k++)
        {
            var pcm = new float[Frame];
            for (int i = 0; i < Frame; i++)
            {
                pcm[i] = 0.5f * MathF.Sin(2 * MathF.PI * (float)s.ToneHz * (((k * Frame) + i) % 8000) / 8000f);
            }

            payloads[k] = new byte[Frame];
            G711.EncodeMuLaw(pcm, payloads[k]);
        }

        using var decoder = new G711Decoder(aLaw: false);
        var jb = new JitterBuffer(decoder, CodecDescription.Pcmu, s.Options);
        const int Chunk = 20;
        int reads = (int)((s.Seconds + 0.5) * 400);
        var output = new float[reads * Chunk];
        var delays = new List<(double, double, double)>();
        int next = 0;
        int written = 0;
        for (int r = 0; r < reads; r++)
        {
            double now = r * 0.0025;
            while (next < arrivals.Count && arrivals[next].At <= now)
            {
                int k = arrivals[next].Index;
                jb.Put((ushort)(s.FirstSeq + k), (uint)(s.FirstTimestamp + ((uint)k * Frame)), payloads[k]);
                next++;
            }

            if (!s.ReaderStalls(r))
            {
                jb.Read(output.AsSpan(written, Chunk));
                written += Chunk;
            }

            if (r % 4 == 0)
            {
                delays.Add((now, jb.CurrentDelayMs, jb.TargetDelayMs));
            }
        }

        return new StreamOutcome(output[..written], jb.Statistics, delays, packets, dropped, s.Seconds);
    }

    /// <summary>Largest step between neighbouring samples: a click shows as a big step.</summary>
    public static float MaxStep(ReadOnlySpan<float> x)
    {
        float max = 0;
        for (int i = 1; i < x.Length; i++)
        {
            max = Math.Max(max, Math.Abs(x[i] - x[i - 1]));
        }

        return max;
    }
}
