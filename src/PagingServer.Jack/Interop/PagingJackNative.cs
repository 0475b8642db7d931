using System.Runtime.InteropServices;

namespace PagingServer.Jack.Interop;

/// <summary>The C half of the engine (native/paging_jack.h). Loaded as libpaging_jack.so under
/// the JIT; linked statically into the NativeAOT exe (DirectPInvoke, see
/// PagingServer.Jack.targets).</summary>
internal static unsafe partial class PagingJackNative
{
    internal const string Name = "paging_jack";
    internal const int MaxSpeakers = 32;
    internal const int MaxCalls = 8;

    [LibraryImport(Name)]
    internal static partial nint pj_engine_create(uint ringCapacity);

    [LibraryImport(Name)]
    internal static partial void pj_engine_destroy(nint engine);

    [LibraryImport(Name)]
    internal static partial void pj_engine_set_api(PjEngineSafeHandle engine, in PjJackApi api);

    [LibraryImport(Name)]
    internal static partial void pj_engine_set_ports(PjEngineSafeHandle engine, nint client, nint* speakerOut, nint* musicIn, uint count);

    [LibraryImport(Name)]
    internal static partial void pj_engine_reset_health(PjEngineSafeHandle engine);

    [LibraryImport(Name)]
    internal static partial int pj_process(uint nframes, nint engine);

    [LibraryImport(Name)]
    internal static partial nint pj_process_fn();

    [LibraryImport(Name)]
    internal static partial nint pj_xrun_fn();

    [LibraryImport(Name)]
    internal static partial nint pj_silent_fn();

    [LibraryImport(Name)]
    internal static partial void pj_set_music_gain(PjEngineSafeHandle engine, float target, uint rampSamples);

    [LibraryImport(Name)]
    internal static partial float pj_get_music_gain(PjEngineSafeHandle engine);

    [LibraryImport(Name)]
    internal static partial void pj_set_limiter(PjEngineSafeHandle engine, float knee);

    [LibraryImport(Name)]
    internal static partial PjRing* pj_call_ring(PjEngineSafeHandle engine, uint slot);

    [LibraryImport(Name)]
    internal static partial ulong pj_klaxon_start(PjEngineSafeHandle engine, float* samples, uint count, float gain, uint fadeSamples);

    [LibraryImport(Name)]
    internal static partial void pj_klaxon_stop(PjEngineSafeHandle engine, uint fadeSamples);

    [LibraryImport(Name)]
    internal static partial ulong pj_klaxon_released(PjEngineSafeHandle engine);

    [LibraryImport(Name)]
    internal static partial ulong pj_klaxon_done(PjEngineSafeHandle engine, out ulong endUsec, out uint stopped);

    [LibraryImport(Name)]
    internal static partial void pj_get_health(PjEngineSafeHandle engine, out PjHealth health);

    [LibraryImport(Name)]
    internal static partial uint pj_ring_size();
}

/// <summary>Owns one <c>pj_engine</c> (rings, gains, klaxon state).</summary>
internal sealed class PjEngineSafeHandle : SafeHandle
{
    public PjEngineSafeHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    internal static PjEngineSafeHandle Create(uint ringCapacity)
    {
        var h = new PjEngineSafeHandle();
        h.SetHandle(PagingJackNative.pj_engine_create(ringCapacity));
        return h;
    }

    protected override bool ReleaseHandle()
    {
        PagingJackNative.pj_engine_destroy(handle);
        return true;
    }
}
