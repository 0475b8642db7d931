using System.Runtime.InteropServices;
using PagingServer.Cli;
using PagingServer.Configuration;
using PagingServer.Logging;

namespace PagingServer;

/// <summary>
/// The running server: starts the components the options ask for and waits for SIGTERM or
/// SIGINT. Components arrive with their issues (JACK engine, SIP agent, systemd notify).
/// </summary>
internal static class PagingHost
{
    public static int Run(PagingOptions options, Log log)
    {
        using var stop = new ManualResetEventSlim();
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        log.Notice($"paging {BuildInfo.Version}: started; SIP {(options.Sip.ListenOnly ? "listen-only" : $"account {options.Sip.User}@{options.Sip.Domain}")}, JACK client '{options.Audio.JackClientName}'");
        stop.Wait();
        log.Notice("stopping");
        return ExitCodes.Ok;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Set();
        }
    }
}
