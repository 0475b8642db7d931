namespace PagingServer.Jack;

/// <summary>Everything the JACK engine needs, filled by the exe from its configuration. Gains
/// are linear amplitude factors (1.0 = unchanged).</summary>
public sealed record JackEngineOptions
{
    /// <summary>The JACK client name (<c>jack-client-name</c>).</summary>
    public string ClientName { get; init; } = "paging";

    /// <summary>The JACK server name (<c>jack-server-name</c>); null or empty = the default
    /// server (or <c>JACK_DEFAULT_SERVER</c>).</summary>
    public string? ServerName { get; init; }

    /// <summary>Let libjack start a server when none runs (<c>jack-autostart</c>).</summary>
    public bool Autostart { get; init; }

    /// <summary>Speakers among the physical playback ports (<c>jack-output-ports</c>): tokens
    /// separated by spaces or commas, each a 1-based number in port-dump order or a regex over
    /// the full port name; empty = all.</summary>
    public string OutputPorts { get; init; } = string.Empty;

    /// <summary>Regex over full port names that marks music sources; group 1 is the short name
    /// matched by <see cref="MusicLinks"/> (<c>jack-music-client-name</c>).</summary>
    public string MusicClientName { get; init; } = DefaultMusicClientName;

    /// <summary>Space-separated <c>SOURCE---SPEAKER</c> regex pairs (<c>jack-music-links</c>).</summary>
    public string MusicLinks { get; init; } = DefaultMusicLinks;

    /// <summary>Gain of call audio (<c>volume-call</c>).</summary>
    public float VolumeCall { get; init; } = 1.0f;

    /// <summary>Gain of the klaxon (<c>volume-klaxon</c>).</summary>
    public float VolumeKlaxon { get; init; } = 1.0f;

    /// <summary>Gain of music when not ducked (<c>volume-music</c>).</summary>
    public float VolumeMusic { get; init; } = 1.0f;

    /// <summary>Gain of music while ducked (<c>music-fade-out-min</c>).</summary>
    public float MusicFadeOutMin { get; init; }

    /// <summary>Ramp from the music level to the ducked level (<c>music-fade-out-duration</c>).</summary>
    public TimeSpan MusicFadeOutDuration { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Ramp from the ducked level back to the music level.</summary>
    public TimeSpan MusicFadeInDuration { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Fade applied when a klaxon is stopped early, to avoid a click.</summary>
    public TimeSpan KlaxonStopFade { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Capacity of each call ring; must exceed the longest producer stall (GC pauses).</summary>
    public TimeSpan CallRingCapacity { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Audio buffered in a call ring before it starts or resumes playing.</summary>
    public TimeSpan CallPrefill { get; init; } = TimeSpan.FromMilliseconds(40);

    /// <summary>Longest wait between attempts to reach a missing server.</summary>
    public TimeSpan ReconnectMaxBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait in <see cref="JackEngine.Dispose"/> for the server to let the client
    /// go (a running server takes milliseconds); a hung server is left behind rather than
    /// holding up a stop that must end within 3 s.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often music links are checked even without a JACK notification.</summary>
    public TimeSpan LinkCheckInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Default of <see cref="MusicClientName"/>.</summary>
    public const string DefaultMusicClientName = @"^mpd\.paging:(.*)$";

    /// <summary>Default of <see cref="MusicLinks"/>.</summary>
    public const string DefaultMusicLinks = "left---(left|playback_1) right---(right|playback_2)";
}
