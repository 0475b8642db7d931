using System.Runtime.InteropServices;

namespace PagingServer.Jack.Interop;

/// <summary>Mirror of <c>pj_ring</c>; the C file asserts the same offsets and size.</summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
internal unsafe struct PjRing
{
    [FieldOffset(0)] public float* data;
    [FieldOffset(8)] public uint mask;
    [FieldOffset(12)] public uint prefill;
    [FieldOffset(16)] public ulong write_index;
    [FieldOffset(24)] public ulong overruns;
    [FieldOffset(64)] public ulong read_index;
    [FieldOffset(72)] public ulong underruns;
    [FieldOffset(80)] public uint active;
    [FieldOffset(84)] public uint primed;
    [FieldOffset(88)] public uint gain_bits;
}

/// <summary>Mirror of <c>pj_health</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PjHealth
{
    public ulong cycles;
    public ulong frames;
    public ulong xruns;
    public ulong max_process_usec;
    public ulong last_process_usec;
    public ulong first_frame_time;
    public ulong last_frame_time;
    public ulong limited_samples;
    public ulong last_nframes;
}

/// <summary>Mirror of <c>pj_jack_api</c>: libjack functions the C callback calls.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PjJackApi
{
    public nint port_get_buffer;
    public nint last_frame_time;
    public nint frames_to_time;
    public nint get_time;
}
