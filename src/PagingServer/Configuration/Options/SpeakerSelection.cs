using System.Text.RegularExpressions;

namespace PagingServer.Configuration.Options;

/// <summary>One item of `jack-output-ports`: a 1-based port number or a name pattern.</summary>
internal sealed record SpeakerPattern(int? Number, Regex? Pattern)
{
    public override string ToString() => Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Pattern!.ToString();
}

/// <summary>The parsed `jack-output-ports`; no items means every physical playback port.</summary>
internal sealed record SpeakerSelection(IReadOnlyList<SpeakerPattern> Items)
{
    public static readonly SpeakerSelection All = new([]);

    public override string ToString() => string.Join(' ', Items);
}

/// <summary>One `SOURCE---SPEAKER` pair of `jack-music-links`; a null speaker means every speaker.</summary>
internal sealed record MusicLink(Regex Source, Regex? Speaker)
{
    public override string ToString() => $"{Source}---{Speaker}";
}
