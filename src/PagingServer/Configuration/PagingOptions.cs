using System.Text.RegularExpressions;
using PagingServer.Configuration.Options;

namespace PagingServer.Configuration;

/// <summary>`[sip]`: the account paging registers with, where it listens, who may call, call audio.</summary>
internal sealed record SipOptions(string Domain, string User, string Password)
{
    public string ListenAddress { get; init; } = "0.0.0.0";
    public int Port { get; init; } = 5060;
    public string Transport { get; init; } = "udp";
    public string Proxy { get; init; } = "";
    public IReadOnlyList<string> AllowFrom { get; init; } = [];
    public bool InviteAuth { get; init; }
    public IReadOnlyList<string> Codecs { get; init; } = [];
    public int RtpPortMin { get; init; }
    public int RtpPortMax { get; init; }
    public TimeSpan RtpTimeout { get; init; }

    /// <summary>Without a domain the agent only listens (the demo and test default).</summary>
    public bool ListenOnly => Domain.Length == 0;
}

/// <summary>`[audio]`: JACK, klaxon, levels and music fades. Levels are percent of full scale; null leaves a level alone.</summary>
internal sealed record AudioOptions
{
    public required string Klaxon { get; init; }
    public required TimeSpan KlaxonMaxLength { get; init; }
    public required TimeSpan KlaxonPadding { get; init; }
    public required string KlaxonCacheDir { get; init; }
    public required bool JackAutostart { get; init; }
    public required string JackServerName { get; init; }
    public required string JackClientName { get; init; }
    public required SpeakerSelection JackOutputPorts { get; init; }
    public required Regex JackMusicClientName { get; init; }
    public required IReadOnlyList<MusicLink> JackMusicLinks { get; init; }
    public required double? VolumeMusicPercent { get; init; }
    public required double? VolumeKlaxonPercent { get; init; }
    public required double? VolumeCallPercent { get; init; }
    public required TimeSpan MusicFadeOutDuration { get; init; }
    public required TimeSpan MusicFadeInDuration { get; init; }
    public required TimeSpan MusicFadeOutOffset { get; init; }
    public required TimeSpan MusicFadeInOffset { get; init; }
    public required double MusicFadeOutMinPercent { get; init; }
    public required double MusicFadeInMinPercent { get; init; }
    public required int JitterMinMs { get; init; }
    public required int JitterMaxMs { get; init; }
}

/// <summary>`[calls]`: how pages are limited and how concurrent callers are handled.</summary>
internal sealed record CallOptions(TimeSpan HangUpAfter, bool HoldConcurrent, int MaxCalls);

/// <summary>`[server]`: logging and error reporting.</summary>
internal sealed record ServerOptions(bool Debug, string SentryDsn, string SentryEnvironment, string ReportQueueDir);

/// <summary>
/// The whole configuration, typed and immutable, built once at start-up from
/// <see cref="ResolvedConfig"/> and passed to whoever needs it. No component reads files or
/// globals for its settings.
/// </summary>
internal sealed record PagingOptions(SipOptions Sip, AudioOptions Audio, CallOptions Calls, ServerOptions Server)
{
    public static PagingOptions From(ResolvedConfig c)
    {
        Ordered(c, OptionCatalog.RtpPortMin, OptionCatalog.RtpPortMax);
        Ordered(c, OptionCatalog.JitterMinMs, OptionCatalog.JitterMaxMs);
        return Build(c);
    }

    /// <summary>A lower bound above its upper bound is reported at the option set last.</summary>
    private static void Ordered(ResolvedConfig c, OptionSpec<long> low, OptionSpec<long> high)
    {
        if (c.Get(low) < c.Get(high))
            return;
        OptionSpec blame = c[high].Source.File == ConfigSource.Default.File ? low : high;
        throw new ConfigException(c[blame].Source, blame.Section, blame.Name,
            $"{low.Name} ({c.Get(low)}) must be below {high.Name} ({c.Get(high)})");
    }

    private static PagingOptions Build(ResolvedConfig c) => new(
        new SipOptions(c.Get(OptionCatalog.SipDomain), c.Get(OptionCatalog.SipUser), c.Get(OptionCatalog.SipPass))
        {
            ListenAddress = c.Get(OptionCatalog.SipListenAddress),
            Port = (int)c.Get(OptionCatalog.SipPort),
            Transport = c.Get(OptionCatalog.SipTransport),
            Proxy = c.Get(OptionCatalog.SipProxy),
            AllowFrom = c.Get(OptionCatalog.SipAllowFrom),
            InviteAuth = c.Get(OptionCatalog.SipInviteAuth),
            Codecs = c.Get(OptionCatalog.SipCodecs),
            RtpPortMin = (int)c.Get(OptionCatalog.RtpPortMin),
            RtpPortMax = (int)c.Get(OptionCatalog.RtpPortMax),
            RtpTimeout = TimeSpan.FromSeconds(c.Get(OptionCatalog.RtpTimeout)),
        },
        new AudioOptions
        {
            Klaxon = c.Get(OptionCatalog.Klaxon),
            KlaxonMaxLength = Seconds(c, OptionCatalog.KlaxonMaxLength),
            KlaxonPadding = Seconds(c, OptionCatalog.KlaxonPadding),
            KlaxonCacheDir = c.Get(OptionCatalog.KlaxonCacheDir),
            JackAutostart = c.Get(OptionCatalog.JackAutostart),
            JackServerName = c.Get(OptionCatalog.JackServerName),
            JackClientName = c.Get(OptionCatalog.JackClientName),
            JackOutputPorts = c.Get(OptionCatalog.JackOutputPorts),
            JackMusicClientName = c.Get(OptionCatalog.JackMusicClientName),
            JackMusicLinks = c.Get(OptionCatalog.JackMusicLinks),
            VolumeMusicPercent = Level(c, OptionCatalog.VolumeMusic),
            VolumeKlaxonPercent = Level(c, OptionCatalog.VolumeKlaxon),
            VolumeCallPercent = Level(c, OptionCatalog.VolumeCall),
            MusicFadeOutDuration = NonNegativeSeconds(c, OptionCatalog.MusicFadeOutDuration),
            MusicFadeInDuration = NonNegativeSeconds(c, OptionCatalog.MusicFadeInDuration),
            MusicFadeOutOffset = Seconds(c, OptionCatalog.MusicFadeOutOffset),
            MusicFadeInOffset = Seconds(c, OptionCatalog.MusicFadeInOffset),
            MusicFadeOutMinPercent = c.Get(OptionCatalog.MusicFadeOutMin),
            MusicFadeInMinPercent = c.Get(OptionCatalog.MusicFadeInMin),
            JitterMinMs = (int)c.Get(OptionCatalog.JitterMinMs),
            JitterMaxMs = (int)c.Get(OptionCatalog.JitterMaxMs),
        },
        new CallOptions(TimeSpan.FromMinutes(c.Get(OptionCatalog.HangUpAfterMinutes)), c.Get(OptionCatalog.HoldConcurrent), (int)c.Get(OptionCatalog.MaxCalls)),
        new ServerOptions(c.Get(OptionCatalog.Debug), c.Get(OptionCatalog.SentryDsn), c.Get(OptionCatalog.SentryEnvironment), c.Get(OptionCatalog.ReportQueueDir)));

    private static TimeSpan Seconds(ResolvedConfig c, OptionSpec<double> spec) => TimeSpan.FromSeconds(c.Get(spec));

    // The original documented "zero or negative disables the fade"; both mean "at once" here.
    private static TimeSpan NonNegativeSeconds(ResolvedConfig c, OptionSpec<double> spec) => TimeSpan.FromSeconds(Math.Max(0, c.Get(spec)));

    // Negative volumes meant "leave the level untouched" in the original.
    private static double? Level(ResolvedConfig c, OptionSpec<double> spec) => c.Get(spec) is var v && v < 0 ? null : v;
}
