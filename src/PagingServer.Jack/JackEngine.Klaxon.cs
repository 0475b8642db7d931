using System.Runtime.InteropServices;
using PagingServer.Jack.Interop;

namespace PagingServer.Jack;

/// <summary>How a klaxon playback ended. <paramref name="EndJackUsec"/> is the JACK time
/// (<c>jack_get_time</c> clock, microseconds) at which its last sample left; 0 when the engine
/// went away first.</summary>
public readonly record struct KlaxonCompletion(ulong Id, ulong EndJackUsec, bool Stopped);

public sealed partial class JackEngine
{
    private readonly Lock _klaxonLock = new();
    private readonly List<PendingKlaxon> _klaxons = [];

    private sealed unsafe class PendingKlaxon(ulong id, float* samples, TaskCompletionSource<KlaxonCompletion> done)
    {
        public ulong Id { get; } = id;
        public float* Samples { get; set; } = samples;
        public TaskCompletionSource<KlaxonCompletion> Done { get; } = done;
    }

    private bool HasPendingKlaxons
    {
        get
        {
            lock (_klaxonLock)
            {
                return _klaxons.Count > 0;
            }
        }
    }

    /// <summary>Plays mono samples (at <see cref="SampleRate"/>) on every speaker at
    /// <see cref="JackEngineOptions.VolumeKlaxon"/>, replacing any klaxon still playing. The task
    /// completes when the last sample has left.</summary>
    public unsafe Task<KlaxonCompletion> PlayKlaxon(ReadOnlySpan<float> samples)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        // The C callback reads the copy until pj_klaxon_released() passes its id.
        var copy = (float*)NativeMemory.Alloc((nuint)Math.Max(1, samples.Length), sizeof(float));
        samples.CopyTo(new Span<float>(copy, samples.Length));
        var done = new TaskCompletionSource<KlaxonCompletion>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_klaxonLock)
        {
            var fade = (uint)(_options.KlaxonStopFade.TotalSeconds * SampleRate);
            var id = PagingJackNative.pj_klaxon_start(_engine, copy, (uint)samples.Length, _options.VolumeKlaxon, fade);
            _klaxons.Add(new PendingKlaxon(id, copy, done));
        }

        _wake.Set();
        return done.Task;
    }

    /// <summary>Stops the klaxon with a short fade (<see cref="JackEngineOptions.KlaxonStopFade"/>).</summary>
    public void StopKlaxon()
    {
        var fade = (uint)Math.Max(1, _options.KlaxonStopFade.TotalSeconds * SampleRate);
        PagingJackNative.pj_klaxon_stop(_engine, fade);
    }

    // Worker thread: completes finished klaxons and frees buffers the callback let go of.
    private unsafe void PollKlaxons()
    {
        var doneId = PagingJackNative.pj_klaxon_done(_engine, out var endUsec, out var stopped);
        var released = PagingJackNative.pj_klaxon_released(_engine);
        List<(TaskCompletionSource<KlaxonCompletion>, KlaxonCompletion)>? finished = null;
        lock (_klaxonLock)
        {
            for (var i = _klaxons.Count - 1; i >= 0; i--)
            {
                var k = _klaxons[i];
                if (k.Id <= doneId && !k.Done.Task.IsCompleted)
                {
                    var result = k.Id == doneId ? new KlaxonCompletion(k.Id, endUsec, stopped != 0) : new KlaxonCompletion(k.Id, 0, true);
                    (finished ??= []).Add((k.Done, result));
                }

                if (k.Id <= released && k.Id <= doneId)
                {
                    NativeMemory.Free(k.Samples);
                    k.Samples = null;
                    _klaxons.RemoveAt(i);
                }
            }
        }

        if (finished is not null)
        {
            foreach (var (tcs, result) in finished)
            {
                tcs.TrySetResult(result);
            }
        }
    }

    // Dispose only, after the client is closed: the callback no longer runs.
    private unsafe void FailPendingKlaxons()
    {
        lock (_klaxonLock)
        {
            foreach (var k in _klaxons)
            {
                k.Done.TrySetResult(new KlaxonCompletion(k.Id, 0, true));
                NativeMemory.Free(k.Samples);
            }

            _klaxons.Clear();
        }
    }
}
