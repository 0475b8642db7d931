using PagingServer.Jack.Interop;

namespace PagingServer.Jack;

public sealed partial class JackEngine
{
    private readonly Lock _musicLock = new();

    /// <summary>The music gain the callback applied last (it moves during a fade).</summary>
    public float MusicGain => PagingJackNative.pj_get_music_gain(_engine);

    /// <summary>Ramps music to an absolute gain over <paramref name="ramp"/>. Targets are
    /// absolute, so repeated ducks always come back to the same level.</summary>
    public void SetMusicGain(float target, TimeSpan ramp)
    {
        var samples = (uint)Math.Max(0, Math.Round(ramp.TotalSeconds * SampleRate));
        lock (_musicLock) // the C side is a single-writer seqlock
        {
            PagingJackNative.pj_set_music_gain(_engine, target, samples);
        }
    }

    /// <summary>Fades music down to <see cref="JackEngineOptions.MusicFadeOutMin"/> over
    /// <see cref="JackEngineOptions.MusicFadeOutDuration"/>.</summary>
    public void DuckMusic()
    {
        _musicDucked = true;
        SetMusicGain(_options.MusicFadeOutMin, _options.MusicFadeOutDuration);
    }

    /// <summary>Fades music back to <see cref="JackEngineOptions.VolumeMusic"/> over
    /// <see cref="JackEngineOptions.MusicFadeInDuration"/>.</summary>
    public void RestoreMusic()
    {
        _musicDucked = false;
        SetMusicGain(_options.VolumeMusic, _options.MusicFadeInDuration);
    }

    private volatile bool _musicDucked;

    /// <summary>The gain new call streams start at (<see cref="JackEngineOptions.VolumeCall"/>).</summary>
    public float CallLevel => _options.VolumeCall;

    /// <summary>
    /// A reload changed the levels: later klaxons, calls and fades use the new ones, and music
    /// not ducked by a page moves to its new level over half a second. Streams already open keep
    /// their gain; the caller sets it (a held call stays muted).
    /// </summary>
    public void ApplyLevels(JackEngineOptions levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        _options = _options with
        {
            VolumeMusic = levels.VolumeMusic,
            VolumeKlaxon = levels.VolumeKlaxon,
            VolumeCall = levels.VolumeCall,
            MusicFadeOutMin = levels.MusicFadeOutMin,
            MusicFadeOutDuration = levels.MusicFadeOutDuration,
            MusicFadeInDuration = levels.MusicFadeInDuration,
        };
        SetMusicGain(_musicDucked ? _options.MusicFadeOutMin : _options.VolumeMusic, TimeSpan.FromSeconds(0.5));
    }

    // Worker thread only. Makes the music inputs' connections equal the configured links, and
    // takes music sources off the speakers directly (music must pass the fade).
    private void ReconcileMusic()
    {
        var client = _client;
        if (client is null)
        {
            return;
        }

        var own = _clientName + ":";
        var outputs = JackStrings.TakeList(Libjack.jack_get_ports(client, null, Libjack.DefaultAudioType, (nuint)JackPortFlags.JackPortIsOutput));
        var sources = outputs.Where(p => !p.StartsWith(own, StringComparison.Ordinal)).ToList();
        var speakers = _speakers;
        var inputs = _musicNames;
        var wanted = _musicLinks.Plan(sources, speakers, inputs);

        foreach (var input in inputs)
        {
            var port = Libjack.jack_port_by_name(client, input);
            if (port == 0)
            {
                continue;
            }

            foreach (var source in JackStrings.TakeList(Libjack.jack_port_get_all_connections(client, port)))
            {
                if (!wanted.Remove((source, input)))
                {
                    Link(client, source, input, connect: false);
                }
            }
        }

        foreach (var (source, input) in wanted)
        {
            Link(client, source, input, connect: true);
        }

        foreach (var source in sources)
        {
            if (_musicLinks.ShortName(source) is null)
            {
                continue;
            }

            var port = Libjack.jack_port_by_name(client, source);
            if (port == 0)
            {
                continue; // gone since the list was taken
            }

            foreach (var dest in JackStrings.TakeList(Libjack.jack_port_get_all_connections(client, port)))
            {
                if (speakers.Contains(dest))
                {
                    Link(client, source, dest, connect: false);
                }
            }
        }
    }

    private void Link(JackClientSafeHandle client, string source, string dest, bool connect)
    {
        var rc = connect ? Libjack.jack_connect(client, source, dest) : Libjack.jack_disconnect(client, source, dest);
        if (rc == 0)
        {
            _log($"jack: {(connect ? "linked" : "unlinked")} {source} -> {dest}");
        }
    }
}
