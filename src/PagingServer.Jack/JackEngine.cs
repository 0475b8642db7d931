using System.Runtime.InteropServices;
using PagingServer.Jack.Interop;

namespace PagingServer.Jack;

/// <summary>The paging mixer on JACK. The C process callback (native/paging_jack*.c) mixes call
/// rings, the klaxon and faded music into one output port per speaker; one managed worker thread
/// owns the JACK client: it connects, reconnects after a server restart, links music and reports
/// klaxon completions. JACK's notification thread only posts notices to it.</summary>
public sealed partial class JackEngine : IDisposable
{
    /// <summary>Most call streams that can play at once.</summary>
    public const int MaxCallStreams = PagingJackNative.MaxCalls;

    // Rings are sized for this rate; a faster server gets proportionally shorter rings.
    private const int RingSizingRate = 48000;

    // Replaced whole (never mutated) when levels change on reload; read without a lock.
    private volatile JackEngineOptions _options;
    private readonly Action<string> _log;
    private readonly PjEngineSafeHandle _engine;
    private readonly MusicLinks _musicLinks;
    private readonly GCHandle _self;
    private readonly AutoResetEvent _wake = new(false);
    private readonly Lock _slotLock = new();
    private readonly bool[] _slotsInUse = new bool[MaxCallStreams];
    private Thread? _worker;
    private volatile bool _stopping;
    private int _sampleRate = RingSizingRate;
    private int _bufferSize;
    private int _disposed;

    /// <summary>Creates the engine; <see cref="Start"/> connects it.</summary>
    public JackEngine(JackEngineOptions options, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        _options = options;
        _log = log;
        _musicLinks = new MusicLinks(options.MusicClientName, options.MusicLinks);
        _ = SpeakerSelection.Select([], options.OutputPorts); // validates the regexes now
        if (PagingJackNative.pj_ring_size() != (uint)Marshal.SizeOf<PjRing>())
        {
            throw new InvalidOperationException("libpaging_jack does not match PjRing.");
        }

        var capacity = (uint)Math.Max(4096, options.CallRingCapacity.TotalSeconds * RingSizingRate);
        _engine = PjEngineSafeHandle.Create(capacity);
        if (_engine.IsInvalid)
        {
            throw new OutOfMemoryException("pj_engine_create failed.");
        }

        _self = GCHandle.Alloc(this);
        PagingJackNative.pj_set_music_gain(_engine, options.VolumeMusic, 0);
    }

    /// <summary>JACK's sample rate (Hz); producers must deliver call and klaxon audio at it.</summary>
    public int SampleRate => Volatile.Read(ref _sampleRate);

    /// <summary>JACK's period in frames, 0 before the first connection.</summary>
    public int BufferSize => Volatile.Read(ref _bufferSize);

    /// <summary>True while a client is open and active.</summary>
    public bool IsConnected => Volatile.Read(ref _connected);

    /// <summary>
    /// Raised on the engine's worker thread after it connected (true) or lost the server
    /// (false), so the service can say so at once (systemd's status line); keep handlers short.
    /// </summary>
    public event Action<bool>? ConnectionChanged;

    /// <summary>The actual JACK client name (JACK may add a suffix), empty when disconnected.</summary>
    public string ClientName => Volatile.Read(ref _clientName);

    /// <summary>Full names of the speaker ports paging drives, in order.</summary>
    public IReadOnlyList<string> Speakers => Volatile.Read(ref _speakers);

    /// <summary>Full names of paging's own output ports, one per speaker.</summary>
    public IReadOnlyList<string> OutputPorts => Volatile.Read(ref _outputNames);

    /// <summary>Full names of paging's music input ports, one per speaker.</summary>
    public IReadOnlyList<string> MusicInputs => Volatile.Read(ref _musicNames);

    /// <summary>Starts the worker thread, which connects and keeps reconnecting.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_worker is not null)
        {
            return;
        }

        _worker = new Thread(WorkerLoop) { IsBackground = true, Name = "jack-engine" };
        _worker.Start();
    }

    /// <summary>Waits until the engine is connected and active, or the timeout passes.</summary>
    public bool WaitConnected(TimeSpan timeout)
    {
        var until = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (!IsConnected)
        {
            if (Environment.TickCount64 > until)
            {
                return false;
            }

            Thread.Sleep(10);
        }

        return true;
    }

    /// <summary>Opens a call stream at <see cref="JackEngineOptions.VolumeCall"/>, or null when
    /// all <see cref="MaxCallStreams"/> are in use.</summary>
    public unsafe CallStream? OpenCallStream()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        lock (_slotLock)
        {
            for (var i = 0; i < MaxCallStreams; i++)
            {
                if (_slotsInUse[i])
                {
                    continue;
                }

                var ring = PagingJackNative.pj_call_ring(_engine, (uint)i);
                // Inactive rings are not read by the callback, so the producer may reset them.
                Volatile.Write(ref ring->write_index, Volatile.Read(ref ring->read_index));
                ring->prefill = (uint)Math.Max(0, _options.CallPrefill.TotalSeconds * SampleRate);
                ring->gain_bits = BitConverter.SingleToUInt32Bits(_options.VolumeCall);
                Volatile.Write(ref ring->active, 1u);
                _slotsInUse[i] = true;
                return new CallStream(this, _engine, ring, i);
            }
        }

        return null;
    }

    internal void ReleaseCallSlot(int slot)
    {
        lock (_slotLock)
        {
            _slotsInUse[slot] = false;
        }
    }

    /// <summary>Stops the worker, closes the client and frees the native state. Waits at most
    /// <see cref="JackEngineOptions.CloseTimeout"/> for the server to let the client go.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping = true;
        _wake.Set();
        if (_worker is not null && !_worker.Join(_options.CloseTimeout))
        {
            // A stopped or hung jackd holds the worker inside libjack. The process is on its way
            // out (systemd kills it at TimeoutStopSec anyway), so leave the thread and the native
            // state it may still touch instead of blocking the stop.
            _log($"jack: the JACK server did not let the client go within {_options.CloseTimeout.TotalSeconds:0.#} s (is jackd hung?); leaving it");
            return;
        }

        FailPendingKlaxons();
        _engine.Dispose();
        _self.Free();
        _wake.Dispose();
    }
}
