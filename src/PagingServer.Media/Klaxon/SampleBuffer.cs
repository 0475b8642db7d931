namespace PagingServer.Media.Klaxon;

/// <summary>A growing array of interleaved samples, filled by a decoder chunk by chunk.</summary>
internal sealed class SampleBuffer(int initialCapacity)
{
    private float[] _data = new float[Math.Max(initialCapacity, 1024)];

    public int Count { get; private set; }

    /// <summary>Room for at least <paramref name="samples"/> more samples, to be committed
    /// with <see cref="Advance"/>; false when the total would not fit in one array.</summary>
    public bool TryGetSpace(int samples, out Memory<float> space)
    {
        long needed = (long)Count + samples;
        if (needed > Array.MaxLength)
        {
            space = default;
            return false;
        }

        if (needed > _data.Length)
        {
            Array.Resize(ref _data, (int)Math.Min(Math.Max(needed, (long)_data.Length * 2), Array.MaxLength));
        }

        space = _data.AsMemory(Count, samples);
        return true;
    }

    public void Advance(int samples) => Count += samples;

    /// <summary>The samples, trimmed to <see cref="Count"/>.</summary>
    public float[] ToArray()
    {
        if (_data.Length != Count)
        {
            Array.Resize(ref _data, Count);
        }

        return _data;
    }
}
