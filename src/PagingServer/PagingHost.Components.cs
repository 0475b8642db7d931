using PagingServer.Audio;
using PagingServer.Cli;
using PagingServer.Configuration;
using PagingServer.Jack;
using PagingServer.Media.Klaxon;
using PagingServer.Paging;
using PagingServer.Sip;

namespace PagingServer;

internal sealed partial class PagingHost
{
    private static readonly TimeSpan JackStartTimeout = TimeSpan.FromSeconds(30);
    private JackEngine? jack;
    private KlaxonResult? klaxon;
    private SipAgent? sip;
    private PagingCalls? calls;
    private SipRegistrationStatus registration = SipRegistrationStatus.Unregistered;
    private volatile bool ready;
    private volatile bool jackReported;

    /// <summary>Starts the engine components; a non-zero return is the exit code (nothing keeps running).</summary>
    private int StartComponents()
    {
        if (!log.DebugEnabled)
            JackEngine.SilenceLibjackMessages();
        jack = new JackEngine(JackSettings.From(options.Audio), line => log.Info(line));
        // After the first connection: a lost or regained JACK server shows in `systemctl status` at once.
        // Only a change from what READY said: the first connection's own event may come late.
        jack.ConnectionChanged += connected =>
        {
            if (ready && connected != jackReported)
            {
                jackReported = connected;
                notifier.Status(Status());
            }
        };
        jack.Start();
        if (!jack.WaitConnected(JackStartTimeout))
        {
            log.Error($"no JACK server '{ServerName}' within {JackStartTimeout.TotalSeconds:0} s; exiting so the service manager can retry");
            return ExitCodes.Unavailable;
        }
        probes.Add(new JackHealthProbe(jack, TimeSpan.FromSeconds(2)));
        klaxon = LoadKlaxon(jack.SampleRate);
        return StartSip(jack);
    }

    private int StartSip(JackEngine engine)
    {
        if (!options.Sip.ListenOnly && options.Sip.User.Length == 0)
        {
            log.Error("[sip] domain is set but user is empty: nothing to register as");
            return ExitCodes.Config;
        }
        sip = new SipAgent(CallSettings.Agent(options, options.Server.Debug), TimeProvider.System, OnSipLog);
        sip.RegistrationChanged += status =>
        {
            registration = status;
            log.Write(status.State == SipRegistrationState.Failed ? Logging.LogLevel.Warning : Logging.LogLevel.Info, $"SIP: {status}");
            notifier.Status(Status());
        };
        calls = new PagingCalls(sip, engine, new JackPageAudio(engine, klaxon?.Samples, engine.SampleRate), options, log, TimeProvider.System);
        calls.PagesChanged += () => notifier.Status(Status());
        try
        {
            sip.Start();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            log.Error($"cannot listen for SIP on {options.Sip.ListenAddress} port {options.Sip.Port} ({options.Sip.Transport}): {e.Message}");
            return ExitCodes.Unavailable;
        }
        probes.Add(new SipLoopProbe(sip.Loop, TimeProvider.System, TimeSpan.FromSeconds(5)));
        log.Info($"SIP listening on {sip.LocalEndPoint} ({options.Sip.Transport}); {(options.Sip.ListenOnly ? "listen-only, no registration" : $"registering {options.Sip.User}@{options.Sip.Domain}")}");
        return ExitCodes.Ok;
    }

    private void OnSipLog(SipLogLevel level, string message) => log.Write(level switch
    {
        SipLogLevel.Error => Logging.LogLevel.Error,
        SipLogLevel.Warning => Logging.LogLevel.Warning,
        SipLogLevel.Trace => Logging.LogLevel.Debug,
        _ => Logging.LogLevel.Info,
    }, message);

    private string ServerName => options.Audio.JackServerName.Length == 0 ? "default" : options.Audio.JackServerName;

    /// <summary>The klaxon at JACK's rate, from the cache when it can be; a klaxon that cannot be had is logged and pages go without one.</summary>
    private KlaxonResult? LoadKlaxon(int sampleRate)
    {
        if (options.Audio.Klaxon.Length == 0)
            return null;
        // A cold cache converts; a long file can take a while on a small board.
        notifier.ExtendTimeout(TimeSpan.FromSeconds(60));
        KlaxonResult result = KlaxonLoader.Load(KlaxonSource.Request(options.Audio, sampleRate), line => log.Info(line));
        if (!result.Succeeded)
        {
            log.Error($"klaxon unavailable, pages will have none: {result.Error}");
            return null;
        }
        log.Info($"klaxon ready: {(double)result.Frames / result.SampleRate:0.00} s at {result.SampleRate} Hz ({(result.CacheHit ? "cache hit" : "converted")})");
        return result;
    }

    /// <summary>
    /// SIGTERM: no new calls, BYE to live pages, unregister (the agent does both within its
    /// timeout), then the mixer goes. The whole stop stays within systemd's patience and the
    /// issue's 3 s.
    /// </summary>
    private void StopComponents()
    {
        if (sip is not null)
        {
            if (calls is { } c)
                sip.Loop.Post(c.HangUpAll);
            sip.StopAsync(TimeSpan.FromSeconds(2)).Wait(TimeSpan.FromSeconds(2.5));
            sip.Dispose();
            sip = null;
        }
        jack?.Dispose();
        jack = null;
    }

    /// <summary>
    /// Applies what can change while pages play: levels and fades, and the SIP account, proxy,
    /// callers and codecs (re-registering only when the account or proxy changed). The rest
    /// waits for a restart (`systemctl restart paging`), and the log names it.
    /// </summary>
    private void ApplyReload(ResolvedConfig beforeConfig, ResolvedConfig afterConfig, PagingOptions before, PagingOptions after)
    {
        JackEngineOptions was = JackSettings.From(before.Audio), now = JackSettings.From(after.Audio);
        if (jack is not null && Levels(was) != Levels(now))
        {
            jack.ApplyLevels(now);
            if (calls is { } c)
                sip?.Loop.Post(c.ApplyCallLevel);
            log.Notice("levels and fades applied");
        }
        var changed = ConfigDiff.Changed(beforeConfig, afterConfig).ToList();
        if (sip is not null && changed.Intersect(LiveSipOptions).Any())
            ReconfigureSip(after);
        var waiting = changed.Where(name => !LiveOptions.Contains(name) && !LiveSipOptions.Contains(name)).ToList();
        if (waiting.Count > 0)
            log.Notice($"changed, taking effect at the next restart: {string.Join(", ", waiting)}");
    }

    private void ReconfigureSip(PagingOptions after)
    {
        if (!after.Sip.ListenOnly && after.Sip.User.Length == 0)
        {
            log.Error("[sip] domain is set but user is empty: the SIP settings stay as they were");
            return;
        }
        // Bounded: a registrar that does not answer the un-REGISTER must not hold the reload.
        Task<bool> reconfigured = sip!.ReconfigureAsync(CallSettings.Agent(after, after.Server.Debug), TimeSpan.FromSeconds(2));
        bool reregistering = reconfigured.Wait(TimeSpan.FromSeconds(3)) && reconfigured.Result;
        log.Notice(reregistering
            ? (after.Sip.ListenOnly ? "SIP settings applied; unregistered, now listen-only" : $"SIP settings applied; registering {after.Sip.User}@{after.Sip.Domain}")
            : "SIP settings applied (registration unchanged)");
    }

    /// <summary>Options a reload applies at once.</summary>
    private static readonly string[] LiveOptions =
    [
        "volume-music", "volume-klaxon", "volume-call", "music-fade-out-min", "music-fade-out-duration", "music-fade-in-duration",
    ];

    /// <summary>SIP options a reload applies at once through the agent; listen-address, port and transport need a restart.</summary>
    private static readonly string[] LiveSipOptions = ["domain", "user", "pass", "proxy", "allow-from", "invite-auth", "codecs", "max-calls"];

    private static (float, float, float, float, TimeSpan, TimeSpan) Levels(JackEngineOptions o) =>
        (o.VolumeMusic, o.VolumeKlaxon, o.VolumeCall, o.MusicFadeOutMin, o.MusicFadeOutDuration, o.MusicFadeInDuration);

    /// <summary>The one-line state systemd shows in `systemctl status`.</summary>
    private string Status()
    {
        string audio = jack is { IsConnected: true } j ? $"JACK {j.SampleRate} Hz, {j.Speakers.Count} speaker(s)" : "JACK reconnecting";
        string signalling = options.Sip.ListenOnly ? "listening for calls (no registration configured)" : registration.ToString();
        string paging = calls is { LivePages: > 0 } c ? $"; {c.LivePages} page(s) in progress" : "";
        return $"{signalling}; {audio}{paging}";
    }
}
