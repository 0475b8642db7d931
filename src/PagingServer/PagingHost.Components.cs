using PagingServer.Audio;
using PagingServer.Cli;
using PagingServer.Configuration;
using PagingServer.Jack;
using PagingServer.Media.Klaxon;

namespace PagingServer;

internal sealed partial class PagingHost
{
    private static readonly TimeSpan JackStartTimeout = TimeSpan.FromSeconds(30);
    private JackEngine? jack;
    private KlaxonResult? klaxon;

    /// <summary>Starts the engine components; a non-zero return is the exit code (nothing keeps running).</summary>
    private int StartComponents()
    {
        if (!log.DebugEnabled)
            JackEngine.SilenceLibjackMessages();
        jack = new JackEngine(JackSettings.From(options.Audio), line => log.Info(line));
        jack.Start();
        if (!jack.WaitConnected(JackStartTimeout))
        {
            log.Error($"no JACK server '{ServerName}' within {JackStartTimeout.TotalSeconds:0} s; exiting so the service manager can retry");
            return ExitCodes.Unavailable;
        }
        probes.Add(new JackHealthProbe(jack, TimeSpan.FromSeconds(2)));
        klaxon = LoadKlaxon(jack.SampleRate);
        log.Info($"SIP {(options.Sip.ListenOnly ? "listen-only" : $"account {options.Sip.User}@{options.Sip.Domain}")}");
        return ExitCodes.Ok;
    }

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

    private void StopComponents()
    {
        jack?.Dispose();
        jack = null;
    }

    /// <summary>Applies what can change while running; the rest waits for a restart, and the log says so.</summary>
    private void ApplyReload(PagingOptions before, PagingOptions after)
    {
        if (before.Sip != after.Sip)
            log.Info("SIP settings changed");
        if (before.Audio != after.Audio)
            log.Notice("audio settings changed; they take effect at the next restart");
    }

    /// <summary>The one-line state systemd shows in `systemctl status`.</summary>
    private string Status()
    {
        string audio = jack is { IsConnected: true } j ? $"JACK {j.SampleRate} Hz, {j.Speakers.Count} speaker(s)" : "JACK reconnecting";
        string sip = options.Sip.ListenOnly ? "listening for calls (no registration configured)" : "registering";
        return $"{sip}; {audio}";
    }
}
