using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PagingServer.Jack.Interop;

namespace PagingServer.Jack;

// JACK's notification thread calls these. They only record what happened and wake the worker:
// calling libjack from a notification callback can deadlock, and an exception escaping an
// [UnmanagedCallersOnly] method kills the process, so the bodies cannot throw.
public sealed partial class JackEngine
{
    private void Post(int notice)
    {
        Interlocked.Or(ref _notices, notice);
        try
        {
            _wake.Set();
        }
        catch (ObjectDisposedException)
        {
            // Disposing: nobody waits any more.
        }
    }

    private static JackEngine? From(nint arg) =>
        arg == 0 ? null : GCHandle.FromIntPtr(arg).Target as JackEngine;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnShutdown(JackStatus code, nint reason, nint arg)
    {
        var engine = From(arg);
        if (engine is null)
        {
            return;
        }

        Volatile.Write(ref engine._connected, false);
        engine.Post(NoticeShutdown);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnSampleRate(uint rate, nint arg)
    {
        var engine = From(arg);
        if (engine is not null)
        {
            Volatile.Write(ref engine._sampleRate, (int)rate);
            engine.Post(NoticeFormat);
        }

        return 0;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnBufferSize(uint frames, nint arg)
    {
        // The C callback mixes sample by sample into JACK's own buffers and keeps no scratch
        // buffers, so a new period size needs nothing resized.
        var engine = From(arg);
        if (engine is not null)
        {
            Volatile.Write(ref engine._bufferSize, (int)frames);
            engine.Post(NoticeFormat);
        }

        return 0;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnPortRegistration(uint port, int registered, nint arg) => From(arg)?.Post(NoticePorts);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnPortConnect(uint a, uint b, int connected, nint arg) => From(arg)?.Post(NoticePorts);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnClientRegistration(nint name, int registered, nint arg) => From(arg)?.Post(NoticePorts);
}
