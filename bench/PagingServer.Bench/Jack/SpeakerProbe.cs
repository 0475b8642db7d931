using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PagingServer.Bench.Jack;

/// <summary>
/// A JACK client that hears what the first speaker (system:playback_1) is fed: it connects its
/// input to every port connected there (the pager's output, or the JACK client baresip opens per
/// call) and records with each cycle's start time on JACK's clock, so a sample can be dated
/// against a moment the benchmark noted with <see cref="Libjack.jack_get_time"/>. It also counts
/// the xruns the server reports.
/// </summary>
internal sealed unsafe class SpeakerProbe : IDisposable
{
    public const string Speaker = "system:playback_1";
    private const int MaxSeconds = 30;

    private readonly nint client;
    private readonly nint port;
    private readonly string inputName;
    private readonly GCHandle self;
    private readonly float[] samples = GC.AllocateArray<float>(MaxSeconds * 48000, pinned: true);
    private readonly int[] cycleStart = new int[MaxSeconds * 48000 / 16];
    private readonly long[] cycleUsec = new long[MaxSeconds * 48000 / 16];
    private readonly Thread linker;
    private volatile bool stopping;
    private int recording;
    private int filled;
    private int cycles;
    private int xruns;

    public SpeakerProbe(string server)
    {
        client = Open(server);
        string name = Marshal.PtrToStringUTF8(Libjack.jack_get_client_name(client))!;
        port = Libjack.jack_port_register(client, "in", Libjack.AudioType, (nuint)Libjack.JackPortIsInput, 0);
        inputName = name + ":in";
        self = GCHandle.Alloc(this);
        Libjack.jack_set_process_callback(client, (nint)(delegate* unmanaged[Cdecl]<uint, nint, int>)&Process, GCHandle.ToIntPtr(self));
        Libjack.jack_set_xrun_callback(client, (nint)(delegate* unmanaged[Cdecl]<nint, int>)&Xrun, GCHandle.ToIntPtr(self));
        if (Libjack.jack_activate(client) != 0)
            throw new InvalidOperationException("the probe cannot activate its JACK client");
        linker = new Thread(LinkSpeakerSources) { IsBackground = true, Name = "probe linker" };
        linker.Start();
    }

    // After a jackd died, the first client a process opens can fail while libjack frees what the
    // dead server left behind; the next attempt succeeds (as the tests' TestClient does).
    private static nint Open(string server)
    {
        long until = Environment.TickCount64 + 5000;
        while (true)
        {
            nint opened = Libjack.jack_client_open(JackServer.UniqueName("bp"), Libjack.JackNoStartServer | Libjack.JackServerName, out int status, server);
            if (opened != 0)
                return opened;
            if (Environment.TickCount64 > until)
                throw new InvalidOperationException($"the probe cannot open a JACK client on '{server}' (status 0x{status:x})");
            Thread.Sleep(100);
        }
    }

    /// <summary>xruns reported by the server since the probe started.</summary>
    public int Xruns => Volatile.Read(ref xruns);

    public void StartRecording()
    {
        Volatile.Write(ref recording, 0);
        Thread.Sleep(20);
        filled = 0;
        cycles = 0;
        Volatile.Write(ref recording, 1);
    }

    public Recording StopRecording()
    {
        Volatile.Write(ref recording, 0);
        Thread.Sleep(20);
        return new Recording(samples[..filled], cycleStart[..cycles], cycleUsec[..cycles]);
    }

    // Connects every source of the speaker to the probe, as sources come and go (baresip opens
    // its JACK client when a call starts).
    private void LinkSpeakerSources()
    {
        var linked = new HashSet<string>();
        while (!stopping)
        {
            nint speaker = Libjack.jack_port_by_name(client, Speaker);
            if (speaker != 0)
            {
                foreach (string source in Libjack.TakeList(Libjack.jack_port_get_all_connections(client, speaker)))
                {
                    if (linked.Add(source))
                        Libjack.jack_connect(client, source, inputName);
                }
                linked.IntersectWith(Libjack.TakeList(Libjack.jack_port_get_all_connections(client, speaker)));
            }
            Thread.Sleep(10);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Process(uint frames, nint arg)
    {
        var probe = (SpeakerProbe)GCHandle.FromIntPtr(arg).Target!;
        if (Volatile.Read(ref probe.recording) == 0 || probe.filled + frames > probe.samples.Length || probe.cycles >= probe.cycleStart.Length)
            return 0;
        new ReadOnlySpan<float>(Libjack.jack_port_get_buffer(probe.port, frames), (int)frames).CopyTo(probe.samples.AsSpan(probe.filled));
        probe.cycleStart[probe.cycles] = probe.filled;
        probe.cycleUsec[probe.cycles] = (long)Libjack.jack_frames_to_time(probe.client, Libjack.jack_last_frame_time(probe.client));
        probe.cycles++;
        probe.filled += (int)frames;
        return 0;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Xrun(nint arg)
    {
        Interlocked.Increment(ref ((SpeakerProbe)GCHandle.FromIntPtr(arg).Target!).xruns);
        return 0;
    }

    public void Dispose()
    {
        stopping = true;
        linker.Join();
        Libjack.jack_client_close(client);
        self.Free();
    }
}

/// <summary>What the speaker got, with the JACK time (µs) at which each cycle's first sample played.</summary>
internal sealed record Recording(float[] Samples, int[] CycleStart, long[] CycleUsec)
{
    private const double Rate = 48000;

    public long TimeOf(int sample)
    {
        int k = Array.BinarySearch(CycleStart, sample);
        if (k < 0)
            k = ~k - 1;
        k = Math.Max(0, k);
        return CycleUsec[k] + (long)((sample - CycleStart[k]) * 1e6 / Rate);
    }

    public int IndexAt(long usec)
    {
        int k = Array.BinarySearch(CycleUsec, usec);
        if (k < 0)
            k = ~k - 1;
        if (k < 0)
            return 0;
        return Math.Min(Samples.Length, CycleStart[k] + (int)((usec - CycleUsec[k]) * Rate / 1e6));
    }

    /// <summary>The first sample at or after <paramref name="fromUsec"/> louder than <paramref name="threshold"/>, before <paramref name="toUsec"/>; -1 if none.</summary>
    public int FirstLoud(long fromUsec, long toUsec, float threshold)
    {
        int end = IndexAt(toUsec);
        for (int i = IndexAt(fromUsec); i < end; i++)
        {
            if (Math.Abs(Samples[i]) > threshold)
                return i;
        }
        return -1;
    }

    /// <summary>The last sample before <paramref name="toUsec"/> louder than <paramref name="threshold"/>, at or after <paramref name="from"/>; -1 if none.</summary>
    public int LastLoud(int from, long toUsec, float threshold)
    {
        for (int i = IndexAt(toUsec) - 1; i >= from; i--)
        {
            if (Math.Abs(Samples[i]) > threshold)
                return i;
        }
        return -1;
    }
}
