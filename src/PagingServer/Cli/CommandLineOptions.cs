using System.CommandLine;

namespace PagingServer.Cli;

/// <summary>
/// paging's command line. The original's flags keep their names (--dump-conf,
/// --dump-conf-defaults, --dump-jack-ports, --debug, --systemd, --sentry-dsn).
/// </summary>
internal sealed class CommandLineOptions
{
    public Argument<string[]> ConfigFiles { get; } = new("CONF")
    {
        Description = "Extra configuration files (INI, or TOML when named *.toml), read after the default locations; later ones override earlier ones",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<bool> DumpConf { get; } = new("--dump-conf")
    {
        Description = "Print the effective configuration, each value with the file and line it came from, and exit",
    };

    public Option<bool> DumpConfDefaults { get; } = new("--dump-conf-defaults")
    {
        Description = "Print every option with its description and default value, and exit",
    };

    public Option<string> Format { get; } = new("--format")
    {
        Description = "Syntax of --dump-conf and --dump-conf-defaults output",
        DefaultValueFactory = _ => "ini",
    };

    public Option<bool> ShowSecrets { get; } = new("--show-secrets")
    {
        Description = "Show passwords and the Sentry DSN in --dump-conf instead of masking them",
    };

    public Option<bool> Debug { get; } = new("--debug", "-d")
    {
        Description = "Verbose logging, SIP message traces included (overrides [server] debug)",
    };

    public Option<bool> Systemd { get; } = new("--systemd")
    {
        Description = "Accepted for compatibility: systemd readiness and watchdog notifications are sent whenever $NOTIFY_SOCKET is set",
    };

    public Option<string> SentryDsn { get; } = new("--sentry-dsn")
    {
        Description = "Report errors to this Sentry DSN (overrides [server] sentry-dsn)",
        HelpName = "DSN",
    };

    public Option<bool> DumpJackPorts { get; } = new("--dump-jack-ports")
    {
        Description = "List every JACK port with its direction, type, connections, and which are picked as speakers and as music under this configuration, and exit",
    };

    public Option<bool> BuildKlaxonCache { get; } = new("--build-klaxon-cache")
    {
        Description = "Convert the configured klaxon into the klaxon cache (no JACK server needed), print the entry's path and exit",
    };

    public Option<int> SampleRate { get; } = new("--sample-rate")
    {
        Description = "Sample rate for --build-klaxon-cache: the rate jackd runs at on the device",
        DefaultValueFactory = _ => 48000,
        HelpName = "HZ",
    };

    public RootCommand Root { get; }

    public CommandLineOptions()
    {
        Format.AcceptOnlyFromAmong("ini", "toml");
        SampleRate.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 8000 or > 384000)
                result.AddError("--sample-rate must be between 8000 and 384000 Hz");
        });
        // A mistyped flag would otherwise be taken for a file name and reported as missing.
        ConfigFiles.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-'))
                    result.AddError($"unknown option '{token.Value}'");
            }
        });
        Root = new RootCommand("PagingServer: a SIP paging appliance. Answers calls, sounds a klaxon on the PA speakers, then plays the caller's voice; music plays between pages.")
        {
            ConfigFiles, DumpConf, DumpConfDefaults, DumpJackPorts, Format, ShowSecrets, BuildKlaxonCache, SampleRate, Debug, Systemd, SentryDsn,
        };
    }
}
