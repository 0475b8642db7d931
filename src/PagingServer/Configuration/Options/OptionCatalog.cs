using System.Text.RegularExpressions;

namespace PagingServer.Configuration.Options;

/// <summary>
/// Every option paging knows, in the order the dumps and the example config list them.
/// Names and defaults of the original PagingServer's options are kept so an old paging.conf runs
/// unchanged; later additions say so in their description.
/// </summary>
internal static partial class OptionCatalog
{
    public const string Sip = "sip", Audio = "audio", Calls = "calls", Server = "server";

    /// <summary>Sections in dump order.</summary>
    public static readonly IReadOnlyList<string> Sections = [Sip, Audio, Calls, Server];

    /// <summary>
    /// Option name prefixes of the removed pjsua and PulseAudio back-ends: accepted with a
    /// warning so configurations written for the original keep working.
    /// </summary>
    public static readonly IReadOnlyList<string> ObsoletePrefixes = ["pjsua-", "pulse-"];

    private static readonly NumberType Seconds = new("seconds", 0, 3600);
    private static readonly NumberType SignedSeconds = new("seconds", -3600, 3600);
    private static readonly NumberType Percent = new("percent", -1, 400);
    private static readonly NumberType FloorPercent = new("percent", 0, 100);

    private static OptionSpec<T> Add<T>(string section, string name, OptionType<T> type, string defaultText, string description)
        where T : notnull
    {
        var spec = new OptionSpec<T>(section, name, type, defaultText, description);
        all.Add(spec);
        return spec;
    }

    private static readonly List<OptionSpec> all = [];

    public static IReadOnlyList<OptionSpec> All => all;

    /// <summary>Finds an option by section and normalised name (lower case, dashes).</summary>
    public static OptionSpec? Find(string section, string name)
    {
        foreach (OptionSpec spec in all)
        {
            if (spec.Section == section && spec.Name == name)
                return spec;
        }
        return null;
    }

    public static bool IsObsolete(string name)
    {
        foreach (string prefix in ObsoletePrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    // [sip]
    public static readonly OptionSpec<string> SipDomain = Add(Sip, "domain", TextType.Plain, "",
        "SIP registrar to register with, host[:port]; empty: do not register, only answer calls sent straight to this box");
    public static readonly OptionSpec<string> SipUser = Add(Sip, "user", TextType.Plain, "",
        "SIP account user name, usually the extension number");
    public static readonly OptionSpec<string> SipPass = Add(Sip, "pass", SecretType.Password, "",
        "SIP account password (masked in dumps)");
    public static readonly OptionSpec<string> SipListenAddress = Add(Sip, "listen-address", new TextType("IP address", NetworkValues.ListenAddress), "0.0.0.0",
        "Address the SIP and RTP sockets bind to; 0.0.0.0 is every IPv4 address, :: every address (new in this version)");
    public static readonly OptionSpec<long> SipPort = Add(Sip, "port", new IntegerType("port", 1, 65535), "5060",
        "SIP port to listen on (new in this version)");
    public static readonly OptionSpec<string> SipTransport = Add(Sip, "transport", new ChoiceType("udp", "tcp"), "udp",
        "SIP transport, udp or tcp (new in this version)");
    public static readonly OptionSpec<string> SipProxy = Add(Sip, "proxy", TextType.Plain, "",
        "Outbound proxy, host[:port], every request goes through; empty: none (new in this version)");
    public static readonly OptionSpec<IReadOnlyList<string>> SipAllowFrom = Add(Sip, "allow-from", new WordListType("addresses, networks or host names, space-separated", NetworkValues.AllowFromEntry), "",
        "Who may page besides the registrar and the proxy; empty and no domain: this box only (loopback) (new in this version)");
    public static readonly OptionSpec<bool> SipInviteAuth = Add(Sip, "invite-auth", BoolType.Instance, "no",
        "Ask callers for user and pass (digest) instead of checking their address, for phones calling directly (new in this version)");
    public static readonly OptionSpec<IReadOnlyList<string>> SipCodecs = Add(Sip, "codecs", new WordListType("codec names, most preferred first", NetworkValues.Codec), "G722 PCMU PCMA opus",
        "Codecs accepted for calls, in order of preference (new in this version)");
    public static readonly OptionSpec<long> RtpPortMin = Add(Sip, "rtp-port-min", new IntegerType("port", 1024, 65534), "16384",
        "Lowest UDP port for call audio (RTP uses even ports, RTCP the next odd one) (new in this version)");
    public static readonly OptionSpec<long> RtpPortMax = Add(Sip, "rtp-port-max", new IntegerType("port", 1025, 65535), "16583",
        "Highest UDP port for call audio (new in this version)");
    public static readonly OptionSpec<double> RtpTimeout = Add(Sip, "rtp-timeout", new NumberType("seconds", 0, 3600), "30",
        "A call whose audio stops for this long is hung up and music restored; 0: never (new in this version)");

    // [audio]
    public static readonly OptionSpec<string> Klaxon = Add(Audio, "klaxon", TextType.FilePath, "",
        "Sound played on every speaker before a call is answered (any common audio format); empty: no klaxon");
    public static readonly OptionSpec<double> KlaxonMaxLength = Add(Audio, "klaxon-max-length", Seconds, "10",
        "Safety cut for a klaxon file that is longer than intended, in seconds");
    public static readonly OptionSpec<double> KlaxonPadding = Add(Audio, "klaxon-padding", SignedSeconds, "0",
        "Pause between the klaxon's end and answering the call, in seconds; negative answers before the klaxon ends");
    public static readonly OptionSpec<bool> JackAutostart = Add(Audio, "jack-autostart", BoolType.Instance, "yes",
        "Start a JACK server if none is running");
    public static readonly OptionSpec<string> JackServerName = Add(Audio, "jack-server-name", TextType.Plain, "",
        "JACK server to connect to; empty: the default server");
    public static readonly OptionSpec<string> JackClientName = Add(Audio, "jack-client-name", TextType.Plain, "paging",
        "Name of paging's own JACK client");
    public static readonly OptionSpec<SpeakerSelection> JackOutputPorts = Add(Audio, "jack-output-ports", SpeakerSelectionType.Instance, "",
        "Speakers among the physical playback ports: numbers as --dump-jack-ports lists them, or regular expressions over full port names; empty: all");
    public static readonly OptionSpec<Regex> JackMusicClientName = Add(Audio, "jack-music-client-name", RegexType.Instance, @"^mpd\.paging:(.*)$",
        "Ports of JACK clients matching this are music; the first group is the short name jack-music-links matches");
    public static readonly OptionSpec<IReadOnlyList<MusicLink>> JackMusicLinks = Add(Audio, "jack-music-links", MusicLinksType.Instance,
        "left---(left|playback_1) right---(right|playback_2)",
        "Which music port plays on which speaker: SOURCE---SPEAKER regular expression pairs; an empty SPEAKER means all speakers");
    public static readonly OptionSpec<double> VolumeMusic = Add(Audio, "volume-music", Percent, "-1",
        "Music level in percent of full scale; negative: leave the level as it is");
    public static readonly OptionSpec<double> VolumeKlaxon = Add(Audio, "volume-klaxon", Percent, "-1",
        "Klaxon level in percent of full scale; negative: leave the level as it is");
    public static readonly OptionSpec<double> VolumeCall = Add(Audio, "volume-call", Percent, "-1",
        "Caller's voice level in percent of full scale; negative: leave the level as it is");
    public static readonly OptionSpec<double> MusicFadeOutDuration = Add(Audio, "music-fade-out-duration", SignedSeconds, "3",
        "How long music takes to fade down when a page starts, in seconds; 0 or negative cuts at once");
    public static readonly OptionSpec<double> MusicFadeInDuration = Add(Audio, "music-fade-in-duration", SignedSeconds, "10",
        "How long music takes to come back after the last page, in seconds; 0 or negative restores at once");
    public static readonly OptionSpec<double> MusicFadeOutOffset = Add(Audio, "music-fade-out-offset", SignedSeconds, "0",
        "Shift of the fade-out's end against the klaxon's start, in seconds; negative ends it earlier");
    public static readonly OptionSpec<double> MusicFadeInOffset = Add(Audio, "music-fade-in-offset", SignedSeconds, "0",
        "Shift of the fade-in's start against the end of the last page, in seconds");
    public static readonly OptionSpec<double> MusicFadeOutMin = Add(Audio, "music-fade-out-min", FloorPercent, "0",
        "Level music fades down to during a page, in percent of full scale");
    public static readonly OptionSpec<double> MusicFadeInMin = Add(Audio, "music-fade-in-min", FloorPercent, "0",
        "Level music starts from when it fades back in after a page, in percent of full scale");
    public static readonly OptionSpec<long> JitterMinMs = Add(Audio, "jitter-min-ms", new IntegerType("milliseconds", 0, 1000), "20",
        "Least delay the jitter buffer keeps for call audio (new in this version)");
    public static readonly OptionSpec<long> JitterMaxMs = Add(Audio, "jitter-max-ms", new IntegerType("milliseconds", 10, 2000), "200",
        "Most delay the jitter buffer may grow to on a bad network (new in this version)");
    public static readonly OptionSpec<string> KlaxonCacheDir = Add(Audio, "klaxon-cache-dir", TextType.DirectoryPath, "/var/cache/paging",
        "Where converted klaxons are kept so start-up needs no conversion (new in this version)");

    // [calls]
    public static readonly OptionSpec<double> HangUpAfterMinutes = Add(Calls, "hang-up-after-minutes", new NumberType("minutes", 0.01, 24 * 60), "5",
        "Longest page: the call is hung up this many minutes after it was answered");
    public static readonly OptionSpec<long> MaxCalls = Add(Calls, "max-calls", new IntegerType("calls", 1, 8), "4",
        "Most callers at once (paging or waiting); more get Busy Here (new in this version)");
    public static readonly OptionSpec<bool> HoldConcurrent = Add(Calls, "hold-concurrent", BoolType.Instance, "no",
        "yes: later callers wait (ringing) until the current page ends; no: concurrent callers are mixed, each with its own klaxon");

    // [server]
    public static readonly OptionSpec<bool> Debug = Add(Server, "debug", BoolType.Instance, "no",
        "Verbose logging, SIP message traces included (same as --debug)");
    public static readonly OptionSpec<string> SentryDsn = Add(Server, "sentry-dsn", SecretType.SentryDsn, "",
        "Sentry DSN to report errors to; empty: no reporting (same as --sentry-dsn)");
    public static readonly OptionSpec<string> SentryEnvironment = Add(Server, "sentry-environment", TextType.Plain, "production",
        "Environment name error reports carry, to tell test boxes from production ones (new in this version)");
    public static readonly OptionSpec<string> ReportQueueDir = Add(Server, "report-queue-dir", TextType.DirectoryPath, "/var/cache/paging/reports",
        "Where error reports wait while Sentry cannot be reached (new in this version)");
}
