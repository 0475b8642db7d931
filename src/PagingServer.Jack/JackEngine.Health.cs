using PagingServer.Jack.Interop;

namespace PagingServer.Jack;

/// <summary>Counters of the running engine since the current connection began.
/// <paramref name="LostCycles"/> compares JACK's frame counter with callbacks that ran.</summary>
public readonly record struct JackHealth(
    long Cycles,
    long LostCycles,
    long Xruns,
    TimeSpan LongestProcess,
    ulong LastProcessJackUsec,
    long LimitedSamples,
    long CallUnderruns,
    long CallOverruns);

public sealed partial class JackEngine
{
    /// <summary>JACK's clock now (microseconds), to compare with
    /// <see cref="JackHealth.LastProcessJackUsec"/> and <see cref="KlaxonCompletion.EndJackUsec"/>.</summary>
    public static ulong JackTimeUsec => Libjack.jack_get_time();

    /// <summary>Stops libjack from printing its own error and info lines to stderr (it prints
    /// several for every failed reconnect attempt while the server is down); the engine logs
    /// what matters through its log sink. Process-wide: it is libjack's global setting.</summary>
    public static void SilenceLibjackMessages()
    {
        var silent = PagingJackNative.pj_silent_fn();
        Libjack.jack_set_error_function(silent);
        Libjack.jack_set_info_function(silent);
    }

    /// <summary>A snapshot of the callback's counters.</summary>
    public unsafe JackHealth Health
    {
        get
        {
            PagingJackNative.pj_get_health(_engine, out var h);
            long lost = 0;
            if (h.cycles > 0 && h.last_nframes > 0)
            {
                // Frames JACK ran minus frames the callback produced, in periods; frame times
                // are 32-bit in JACK and wrap. Counting frames survives period changes.
                var span = (ulong)(uint)(h.last_frame_time - h.first_frame_time) + h.last_nframes;
                lost = (long)(span - Math.Min(span, h.frames)) / (long)h.last_nframes;
            }

            long under = 0, over = 0;
            for (var i = 0; i < MaxCallStreams; i++)
            {
                var r = PagingJackNative.pj_call_ring(_engine, (uint)i);
                under += (long)Volatile.Read(ref r->underruns);
                over += (long)Volatile.Read(ref r->overruns);
            }

            return new JackHealth((long)h.cycles, lost, (long)h.xruns, TimeSpan.FromMicroseconds(h.max_process_usec),
                h.last_process_usec, (long)h.limited_samples, under, over);
        }
    }
}
