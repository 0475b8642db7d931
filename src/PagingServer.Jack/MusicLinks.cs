using System.Text.RegularExpressions;

namespace PagingServer.Jack;

/// <summary>Music routing: which music source ports feed which speakers' music inputs.</summary>
internal sealed class MusicLinks
{
    private readonly Regex _client;
    private readonly (Regex Source, Regex? Speaker)[] _links;

    /// <summary>Parses the options; a bad regex throws <see cref="ArgumentException"/> at
    /// start-up.</summary>
    internal MusicLinks(string musicClientName, string links)
    {
        _client = new Regex(musicClientName, RegexOptions.CultureInvariant);
        var pairs = new List<(Regex, Regex?)>();
        foreach (var pair in links.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            // Split at the first "---" only: the speaker side may itself contain dashes.
            var cut = pair.IndexOf("---", StringComparison.Ordinal);
            var source = cut < 0 ? pair : pair[..cut];
            var speaker = cut < 0 ? string.Empty : pair[(cut + 3)..];
            pairs.Add((new Regex(source, RegexOptions.CultureInvariant),
                speaker.Length == 0 ? null : new Regex(speaker, RegexOptions.CultureInvariant)));
        }

        _links = [.. pairs];
    }

    /// <summary>The short name of a music source port (group 1 of the client regex, else the
    /// whole name), or null when the port is not music.</summary>
    internal string? ShortName(string fullPortName)
    {
        var m = _client.Match(fullPortName);
        if (!m.Success)
        {
            return null;
        }

        return m.Groups.Count > 1 && m.Groups[1].Success ? m.Groups[1].Value : fullPortName;
    }

    /// <summary>The wanted (source port, music input) connections. <paramref name="sources"/>
    /// are output ports of other clients; speaker i's music input is
    /// <paramref name="musicInputs"/>[i].</summary>
    internal HashSet<(string Source, string Input)> Plan(IEnumerable<string> sources, IReadOnlyList<string> speakers, IReadOnlyList<string> musicInputs)
    {
        var wanted = new HashSet<(string, string)>();
        foreach (var port in sources)
        {
            var shortName = ShortName(port);
            if (shortName is null)
            {
                continue;
            }

            foreach (var (source, speaker) in _links)
            {
                if (!source.IsMatch(shortName))
                {
                    continue;
                }

                for (var i = 0; i < speakers.Count && i < musicInputs.Count; i++)
                {
                    if (speaker is null || speaker.IsMatch(speakers[i]))
                    {
                        wanted.Add((port, musicInputs[i]));
                    }
                }
            }
        }

        return wanted;
    }
}
