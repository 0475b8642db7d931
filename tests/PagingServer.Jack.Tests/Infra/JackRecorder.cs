using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PagingServer.Jack.Interop;

namespace PagingServer.Jack.Tests.Infra;

/// <summary>A test JACK client with a managed process callback that records its inputs into
/// pinned arrays and counts its own cycles (a managed callback is fine for recording; it is
/// also the contrast case in the GC test).</summary>
internal sealed unsafe class JackRecorder : IDisposable
{
    private readonly JackClientSafeHandle _client;
    private readonly GCHandle _self;
    private readonly nint[] _ports;
    private readonly float[][] _data;
    private int _wanted;
    private int _filled;
    private long _cycles;
    private uint _firstFrame;
    private uint _lastFrame;

    internal JackRecorder(string server, int channels, int maxSeconds = 20)
    {
        _client = TestClient.Open("rec", server, "recorder");
        Name = JackStrings.Read(Libjack.jack_get_client_name(_client));
        _ports = new nint[channels];
        _data = new float[channels][];
        for (var i = 0; i < channels; i++)
        {
            _ports[i] = Libjack.jack_port_register(_client, $"in_{i + 1}", Libjack.DefaultAudioType, (nuint)JackPortFlags.JackPortIsInput, 0);
            _data[i] = GC.AllocateArray<float>(maxSeconds * JackServer.Rate, pinned: true);
        }

        _self = GCHandle.Alloc(this);
        Libjack.jack_set_process_callback(_client, (nint)(delegate* unmanaged[Cdecl]<uint, nint, int>)&Process, (void*)GCHandle.ToIntPtr(_self));
        Assert.Equal(0, Libjack.jack_activate(_client));
    }

    internal string Name { get; }

    internal long Cycles => Interlocked.Read(ref _cycles);

    /// <summary>Cycles JACK ran without this client's callback, by JACK's frame counter.</summary>
    internal long LostCycles => _cycles == 0 ? 0 : (long)((uint)(_lastFrame - _firstFrame) / JackServer.Period) + 1 - Cycles;

    internal void Connect(int channel, string source) =>
        Assert.Equal(0, Libjack.jack_connect(_client, source, $"{Name}:in_{channel + 1}"));

    /// <summary>Records the next <paramref name="duration"/> of every input.</summary>
    internal float[][] Record(TimeSpan duration)
    {
        var frames = (int)(duration.TotalSeconds * JackServer.Rate);
        Volatile.Write(ref _filled, 0);
        Volatile.Write(ref _wanted, frames);
        var until = Environment.TickCount64 + (long)duration.TotalMilliseconds + 5000;
        while (Volatile.Read(ref _filled) < frames)
        {
            Assert.True(Environment.TickCount64 < until, "recording did not complete");
            Thread.Sleep(10);
        }

        Volatile.Write(ref _wanted, 0);
        return [.. _data.Select(d => d[..frames])];
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Process(uint nframes, nint arg)
    {
        var self = (JackRecorder)GCHandle.FromIntPtr(arg).Target!;
        var frame = Libjack.jack_last_frame_time(self._client.DangerousGetHandle());
        if (self._cycles == 0)
        {
            self._firstFrame = frame;
        }

        self._lastFrame = frame;
        Interlocked.Increment(ref self._cycles);
        var wanted = Volatile.Read(ref self._wanted);
        var filled = self._filled;
        if (filled < wanted)
        {
            var n = (int)Math.Min(nframes, (uint)(wanted - filled));
            for (var c = 0; c < self._ports.Length; c++)
            {
                var buf = (float*)Libjack.jack_port_get_buffer(self._ports[c], nframes);
                new ReadOnlySpan<float>(buf, n).CopyTo(self._data[c].AsSpan(filled));
            }

            Volatile.Write(ref self._filled, filled + n);
        }

        return 0;
    }

    /// <summary>Forgets the client without closing it: after its server died, libjack frees
    /// such clients itself when the next client opens, and closing one then would touch freed
    /// memory.</summary>
    internal void Abandon() => _client.SetHandleAsInvalid();

    public void Dispose()
    {
        if (!_client.IsInvalid && !_client.IsClosed)
        {
            _client.Dispose();
        }

        // The callback may still be referenced by an abandoned client; keep the handle then.
        if (!_client.IsClosed || _client.IsInvalid)
        {
            return;
        }

        _self.Free();
    }
}
