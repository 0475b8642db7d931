using PagingServer.Cli;
using PagingServer.Configuration;

namespace PagingServer;

internal sealed partial class PagingHost
{
    /// <summary>Starts the engine components; a non-zero return is the exit code (nothing keeps running).</summary>
    private int StartComponents()
    {
        log.Info($"SIP {(options.Sip.ListenOnly ? "listen-only" : $"account {options.Sip.User}@{options.Sip.Domain}")}, JACK client '{options.Audio.JackClientName}'");
        return ExitCodes.Ok;
    }

    private void StopComponents()
    {
    }

    /// <summary>Applies what can change while running; the rest waits for a restart, and the log says so.</summary>
    private void ApplyReload(PagingOptions before, PagingOptions after)
    {
        if (before.Sip != after.Sip)
            log.Info("SIP settings changed");
    }

    /// <summary>The one-line state systemd shows in `systemctl status`.</summary>
    private string Status() => options.Sip.ListenOnly ? "listening for calls (no registration configured)" : "registering";
}
