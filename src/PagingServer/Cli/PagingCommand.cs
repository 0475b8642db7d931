using System.CommandLine;
using PagingServer.Configuration;
using PagingServer.Configuration.Options;
using PagingServer.Logging;

namespace PagingServer.Cli;

/// <summary>
/// Parses the command line, loads the configuration and runs what was asked: a dump, or the
/// server. Every failure becomes an exit code from <see cref="ExitCodes"/> and one clear line.
/// </summary>
internal static class PagingCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, ConfigFileLocator locator)
    {
        var cli = new CommandLineOptions();
        ParseResult parsed = cli.Root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                stderr.WriteLine($"paging: {error.Message}");
            stderr.WriteLine("paging: see 'paging --help'");
            return ExitCodes.Usage;
        }
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr };
        cli.Root.SetAction(result => Execute(cli, result, stdout, stderr, locator));
        return parsed.Invoke(invocation);
    }

    private static int Execute(CommandLineOptions cli, ParseResult result, TextWriter stdout, TextWriter stderr, ConfigFileLocator locator)
    {
        var format = result.GetValue(cli.Format) == "toml" ? ConfigFormat.Toml : ConfigFormat.Ini;
        if (result.GetValue(cli.DumpConfDefaults))
        {
            stdout.Write(ConfigDump.Documented(format));
            return ExitCodes.Ok;
        }

        IReadOnlyList<string> files = result.GetValue(cli.ConfigFiles) ?? [];
        List<ConfigOverride> overrides = Overrides(cli, result);
        ResolvedConfig config;
        PagingOptions options;
        try
        {
            config = ConfigLoader.Load(locator.Locate(files), overrides);
            options = PagingOptions.From(config);
        }
        catch (ConfigException e)
        {
            stderr.WriteLine($"paging: configuration error: {e.Message}");
            return ExitCodes.Config;
        }
        foreach (string warning in config.Warnings)
            stderr.WriteLine($"paging: warning: {warning}");

        if (result.GetValue(cli.DumpConf))
        {
            stdout.Write(ConfigDump.Effective(config, format, result.GetValue(cli.ShowSecrets)));
            return ExitCodes.Ok;
        }
        if (result.GetValue(cli.DumpJackPorts))
            return Jack.JackPortDump.Write(Audio.JackSettings.From(options.Audio), stdout, stderr, TimeSpan.FromSeconds(2)) ? ExitCodes.Ok : ExitCodes.Unavailable;
        if (result.GetValue(cli.BuildKlaxonCache))
            return KlaxonCacheCommand.Run(options, result.GetValue(cli.SampleRate), stdout, stderr);
        var log = Log.ForStderr(options.Server.Debug);
        log.AddSecret(options.Sip.Password);
        log.AddSecret(options.Server.SentryDsn);
        try
        {
            return PagingHost.Run(config, () => Reload(locator, files, overrides, log), log);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug: say where, and exit so the service manager restarts us.
            log.Error($"internal error: {e}");
            return ExitCodes.Internal;
        }
    }

    /// <summary>SIGHUP: the same files and flags read again; a bad file throws and the running configuration stays.</summary>
    private static ResolvedConfig Reload(ConfigFileLocator locator, IReadOnlyList<string> files, List<ConfigOverride> overrides, Log log)
    {
        ResolvedConfig config = ConfigLoader.Load(locator.Locate(files), overrides);
        foreach (string warning in config.Warnings)
            log.Warning(warning);
        log.AddSecret(PagingOptions.From(config).Sip.Password);
        return config;
    }

    private static List<ConfigOverride> Overrides(CommandLineOptions cli, ParseResult result)
    {
        var overrides = new List<ConfigOverride>();
        if (result.GetValue(cli.Debug))
            overrides.Add(new ConfigOverride(OptionCatalog.Debug, "yes", "--debug"));
        if (result.GetValue(cli.SentryDsn) is { } dsn)
            overrides.Add(new ConfigOverride(OptionCatalog.SentryDsn, dsn, "--sentry-dsn"));
        return overrides;
    }
}
