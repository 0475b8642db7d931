namespace PagingServer.Media.Klaxon;

/// <summary>Defaults of the klaxon options.</summary>
public static class KlaxonDefaults
{
    /// <summary>Default of option <c>klaxon-cache-dir</c>.</summary>
    public const string CacheDirectory = "/var/cache/paging";

    /// <summary>The ffmpeg command used when libsndfile cannot read a file.</summary>
    public const string FfmpegPath = "ffmpeg";

    /// <summary>Length of the fade applied where <see cref="KlaxonRequest.MaxLength"/> cuts.</summary>
    public static readonly TimeSpan CutFadeOut = TimeSpan.FromMilliseconds(20);
}
