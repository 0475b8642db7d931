using System.Runtime.InteropServices;
using PagingServer.Jack.Interop;

namespace PagingServer.Jack;

public sealed partial class JackEngine
{
    private const int NoticeShutdown = 1;
    private const int NoticePorts = 2;
    private const int NoticeFormat = 4;

    private JackClientSafeHandle? _client;
    private bool _connected;
    private string _clientName = string.Empty;
    private IReadOnlyList<string> _speakers = [];
    private IReadOnlyList<string> _outputNames = [];
    private IReadOnlyList<string> _musicNames = [];
    private int _notices;
    private long _reconnects;

    /// <summary>How many times the engine connected to a server (1 after the first start).</summary>
    public long Connections => Interlocked.Read(ref _reconnects);

    private void WorkerLoop()
    {
        while (!_stopping)
        {
            try
            {
                Work();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A bug, not an expected failure; the appliance must keep paging, so log it,
                // drop the client and start over.
                _log($"jack: worker error, reconnecting: {ex}");
                Disconnect("dropped after the error");
                _wake.WaitOne(_options.ReconnectMaxBackoff);
            }
        }

        // The client is closed here, not in Dispose: a server that stopped answering blocks
        // jack_client_close (and jack_client_open) without end, and only this thread may be
        // left behind waiting for it.
        try
        {
            Disconnect("engine disposed");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _log($"jack: closing the client failed: {ex.Message}");
        }
    }

    private void Work()
    {
        var backoff = TimeSpan.FromMilliseconds(50);
        var lastDownLog = false;
        var nextLinkCheck = 0L;
        while (!_stopping)
        {
            if (_client is null)
            {
                if (Connect(logFailure: !lastDownLog))
                {
                    backoff = TimeSpan.FromMilliseconds(50);
                    lastDownLog = false;
                    nextLinkCheck = 0;
                }
                else
                {
                    lastDownLog = true;
                    _wake.WaitOne(backoff);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.ReconnectMaxBackoff.Ticks));
                    PollKlaxons();
                    continue;
                }
            }

            var wait = HasPendingKlaxons ? TimeSpan.FromMilliseconds(5) : _options.LinkCheckInterval;
            _wake.WaitOne(wait);
            var notices = Interlocked.Exchange(ref _notices, 0);
            if ((notices & NoticeShutdown) != 0)
            {
                Disconnect("JACK server shut down; reconnecting");
                continue;
            }

            PollKlaxons();
            if ((notices & NoticePorts) != 0 || Environment.TickCount64 >= nextLinkCheck)
            {
                ReconcileMusic();
                nextLinkCheck = Environment.TickCount64 + (long)_options.LinkCheckInterval.TotalMilliseconds;
            }
        }
    }

    private unsafe bool Connect(bool logFailure)
    {
        var client = JackClientSafeHandle.Open(_options.ClientName, _options.ServerName, _options.Autostart, out var status);
        if (client.IsInvalid)
        {
            if (logFailure)
            {
                _log($"jack: cannot open client '{_options.ClientName}' on server '{_options.ServerName}' (status 0x{(int)status:x}); retrying");
            }

            client.Dispose();
            return false;
        }

        var name = JackStrings.Read(Libjack.jack_get_client_name(client));
        Volatile.Write(ref _sampleRate, (int)Libjack.jack_get_sample_rate(client));
        Volatile.Write(ref _bufferSize, (int)Libjack.jack_get_buffer_size(client));
        SetApi();
        var arg = GCHandle.ToIntPtr(_self);
        var engine = (void*)_engine.DangerousGetHandle();
        Libjack.jack_set_process_callback(client, PagingJackNative.pj_process_fn(), engine);
        Libjack.jack_set_xrun_callback(client, PagingJackNative.pj_xrun_fn(), engine);
        Libjack.jack_on_info_shutdown(client, &OnShutdown, arg);
        Libjack.jack_set_sample_rate_callback(client, &OnSampleRate, arg);
        Libjack.jack_set_buffer_size_callback(client, &OnBufferSize, arg);
        Libjack.jack_set_port_registration_callback(client, &OnPortRegistration, arg);
        Libjack.jack_set_port_connect_callback(client, &OnPortConnect, arg);
        Libjack.jack_set_client_registration_callback(client, &OnClientRegistration, arg);

        var physical = JackStrings.TakeList(Libjack.jack_get_ports(client, null, Libjack.DefaultAudioType,
            (nuint)(JackPortFlags.JackPortIsPhysical | JackPortFlags.JackPortIsInput)));
        var speakers = SpeakerSelection.Select(physical, _options.OutputPorts);
        if (speakers.Count == 0)
        {
            _log($"jack: no speaker: jack-output-ports '{_options.OutputPorts}' matches none of [{string.Join(' ', physical)}]");
        }

        if (speakers.Count > PagingJackNative.MaxSpeakers)
        {
            speakers.RemoveRange(PagingJackNative.MaxSpeakers, speakers.Count - PagingJackNative.MaxSpeakers);
        }

        var outs = stackalloc nint[speakers.Count + 1];
        var ins = stackalloc nint[speakers.Count + 1];
        var outNames = new string[speakers.Count];
        var inNames = new string[speakers.Count];
        for (var i = 0; i < speakers.Count; i++)
        {
            outs[i] = Libjack.jack_port_register(client, $"out_{i + 1}", Libjack.DefaultAudioType, (nuint)JackPortFlags.JackPortIsOutput, 0);
            ins[i] = Libjack.jack_port_register(client, $"music_{i + 1}", Libjack.DefaultAudioType, (nuint)JackPortFlags.JackPortIsInput, 0);
            if (outs[i] == 0 || ins[i] == 0)
            {
                _log($"jack: cannot register ports for speaker {speakers[i]}");
                client.Dispose();
                return false;
            }

            outNames[i] = JackStrings.Read(Libjack.jack_port_name(outs[i]));
            inNames[i] = JackStrings.Read(Libjack.jack_port_name(ins[i]));
        }

        PagingJackNative.pj_engine_set_ports(_engine, client.DangerousGetHandle(), outs, ins, (uint)speakers.Count);
        PagingJackNative.pj_engine_reset_health(_engine);
        if (Libjack.jack_activate(client) != 0)
        {
            _log("jack: jack_activate failed");
            PagingJackNative.pj_engine_set_ports(_engine, 0, null, null, 0);
            client.Dispose();
            return false;
        }

        for (var i = 0; i < speakers.Count; i++)
        {
            var rc = Libjack.jack_connect(client, outNames[i], speakers[i]);
            if (rc != 0 && rc != EEXIST)
            {
                _log($"jack: cannot connect {outNames[i]} to {speakers[i]} ({rc})");
            }
        }

        _client = client;
        Volatile.Write(ref _clientName, name);
        Volatile.Write(ref _speakers, speakers);
        Volatile.Write(ref _outputNames, outNames);
        Volatile.Write(ref _musicNames, inNames);
        Interlocked.Increment(ref _reconnects);
        Volatile.Write(ref _connected, true);
        _log($"jack: connected as '{name}' at {SampleRate} Hz, period {BufferSize}, speakers: {string.Join(' ', speakers)}");
        ReconcileMusic();
        ConnectionChanged?.Invoke(true);
        return true;
    }

    private unsafe void Disconnect(string why)
    {
        var client = _client;
        if (client is null)
        {
            return;
        }

        Volatile.Write(ref _connected, false);
        _client = null;
        client.Dispose(); // jack_client_close also deactivates: the callback stops before ports go
        PagingJackNative.pj_engine_set_ports(_engine, 0, null, null, 0);
        Volatile.Write(ref _clientName, string.Empty);
        _log($"jack: {why}");
        ConnectionChanged?.Invoke(false);
    }

    private void SetApi()
    {
        var lib = NativeLibrary.Load(Libjack.Name);
        var api = new PjJackApi
        {
            port_get_buffer = NativeLibrary.GetExport(lib, "jack_port_get_buffer"),
            last_frame_time = NativeLibrary.GetExport(lib, "jack_last_frame_time"),
            frames_to_time = NativeLibrary.GetExport(lib, "jack_frames_to_time"),
            get_time = NativeLibrary.GetExport(lib, "jack_get_time"),
        };
        PagingJackNative.pj_engine_set_api(_engine, api);
    }

    private const int EEXIST = 17;
}
