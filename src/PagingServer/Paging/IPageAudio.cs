namespace PagingServer.Paging;

/// <summary>What a page needs from the mixer; the JACK engine in production, a recorder in tests.</summary>
internal interface IPageAudio
{
    /// <summary>Fades music down to its page level over the configured fade-out duration.</summary>
    void DuckMusic();

    /// <summary>Sets music to <paramref name="startLevel"/> at once, then fades it back to its normal level.</summary>
    void RestoreMusic(float startLevel);

    /// <summary>Length of the configured klaxon; zero when there is none.</summary>
    TimeSpan KlaxonLength { get; }

    /// <summary>Starts the klaxon on every speaker; the task completes when its last sample has left.</summary>
    Task PlayKlaxon();

    /// <summary>Stops a playing klaxon with a short fade (the caller hung up).</summary>
    void StopKlaxon();
}
