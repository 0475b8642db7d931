using PagingServer.Jack.Interop;

namespace PagingServer.Jack;

/// <summary>One call's audio into the mixer: a single-producer ring the C process callback
/// drains at JACK's rate. Write from one thread only; samples are mono floats at
/// <see cref="JackEngine.SampleRate"/>.</summary>
public sealed unsafe class CallStream : IDisposable
{
    private readonly JackEngine _engine;
    private readonly PjRing* _ring;
    private readonly int _slot;
    private int _disposed;

    private readonly PjEngineSafeHandle _native;

    internal CallStream(JackEngine engine, PjEngineSafeHandle native, PjRing* ring, int slot)
    {
        _engine = engine;
        _ring = ring;
        _slot = slot;
        // The ring lives in the native engine: keep it allocated while this stream exists,
        // even if the engine is disposed first.
        var added = false;
        native.DangerousAddRef(ref added);
        _native = native;
    }

    /// <summary>Free space in samples.</summary>
    public int Free
    {
        get
        {
            var used = Volatile.Read(ref _ring->write_index) - Volatile.Read(ref _ring->read_index);
            return (int)(_ring->mask + 1 - used);
        }
    }

    /// <summary>This stream's linear gain; starts at <see cref="JackEngineOptions.VolumeCall"/>.</summary>
    public float Gain
    {
        get => BitConverter.UInt32BitsToSingle(Volatile.Read(ref _ring->gain_bits));
        set => Volatile.Write(ref _ring->gain_bits, BitConverter.SingleToUInt32Bits(value));
    }

    /// <summary>Samples waiting to be played.</summary>
    public int Buffered => (int)(Volatile.Read(ref _ring->write_index) - Volatile.Read(ref _ring->read_index));

    /// <summary>Times the callback found too little audio.</summary>
    public long Underruns => (long)Volatile.Read(ref _ring->underruns);

    /// <summary>Times <see cref="Write"/> dropped samples because the ring was full.</summary>
    public long Overruns => (long)Volatile.Read(ref _ring->overruns);

    /// <summary>Copies as many samples as fit; returns how many were taken. A short count is an
    /// overrun (counted).</summary>
    public int Write(ReadOnlySpan<float> samples)
    {
        var w = _ring->write_index; // only this producer writes it
        var r = Volatile.Read(ref _ring->read_index); // acquire: the callback is done with [.., r)
        var capacity = _ring->mask + 1;
        var n = (int)Math.Min((ulong)samples.Length, capacity - (w - r));
        if (n < samples.Length)
        {
            Volatile.Write(ref _ring->overruns, _ring->overruns + 1);
        }

        var start = (int)(w & _ring->mask);
        var first = Math.Min(n, (int)capacity - start);
        var data = new Span<float>(_ring->data, (int)capacity);
        samples[..first].CopyTo(data[start..]);
        samples[first..n].CopyTo(data);
        Volatile.Write(ref _ring->write_index, w + (ulong)n); // release: samples before index
        return n;
    }

    /// <summary>Stops the stream and returns its slot.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Volatile.Write(ref _ring->active, 0u);
            _engine.ReleaseCallSlot(_slot);
            _native.DangerousRelease();
        }
    }
}
