using System.Text.RegularExpressions;

namespace PagingServer.Configuration.Options;

/// <summary>A .NET regular expression, compiled once here so a bad one stops start-up with its option named.</summary>
internal sealed class RegexType : OptionType<Regex>
{
    public static readonly RegexType Instance = new();

    public override string Describe => "regular expression";

    public override bool TryParse(string text, out Regex value, out string error)
        => TryCompile(text.Trim(), out value, out error);

    public override string Format(Regex value) => value.ToString();

    internal static bool TryCompile(string pattern, out Regex value, out string error)
    {
        try
        {
            value = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            error = "";
            return true;
        }
        catch (ArgumentException e)
        {
            value = EmptyPattern;
            error = $"regular expression '{pattern}' does not compile: {e.Message}";
            return false;
        }
    }

    internal static readonly Regex EmptyPattern = new("", RegexOptions.None, TimeSpan.FromSeconds(1));
}

/// <summary>
/// `jack-output-ports`: space-separated items, each a port number as `--dump-jack-ports` lists
/// them (1-based) or a regular expression over the full port name. Empty selects every port.
/// </summary>
internal sealed class SpeakerSelectionType : OptionType<SpeakerSelection>
{
    public static readonly SpeakerSelectionType Instance = new();

    public override string Describe => "port numbers or regular expressions, space-separated";

    public override bool TryParse(string text, out SpeakerSelection value, out string error)
    {
        var items = new List<SpeakerPattern>();
        foreach (string item in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(item, out int number))
            {
                if (number < 1)
                {
                    value = SpeakerSelection.All;
                    error = $"port number {number} is out of range: numbers start at 1";
                    return false;
                }
                items.Add(new SpeakerPattern(number, null));
                continue;
            }
            if (!RegexType.TryCompile(item, out Regex regex, out error))
            {
                value = SpeakerSelection.All;
                return false;
            }
            items.Add(new SpeakerPattern(null, regex));
        }
        value = new SpeakerSelection(items);
        error = "";
        return true;
    }

    public override string Format(SpeakerSelection value) => value.ToString();
}

/// <summary>
/// `jack-music-links`: space-separated `SOURCE---SPEAKER` pairs of regular expressions, split at
/// the first `---`; an empty SPEAKER side links the source to every speaker.
/// </summary>
internal sealed class MusicLinksType : OptionType<IReadOnlyList<MusicLink>>
{
    public static readonly MusicLinksType Instance = new();

    public override string Describe => "SOURCE---SPEAKER regular expression pairs, space-separated";

    public override bool TryParse(string text, out IReadOnlyList<MusicLink> value, out string error)
    {
        var links = new List<MusicLink>();
        value = links;
        foreach (string item in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            int split = item.IndexOf("---", StringComparison.Ordinal);
            if (split < 0)
            {
                error = $"link '{item}' has no '---' between source and speaker";
                return false;
            }
            string source = item[..split], speaker = item[(split + 3)..];
            if (!RegexType.TryCompile(source, out Regex sourceRegex, out error))
                return false;
            Regex? speakerRegex = null;
            if (speaker.Length > 0 && !RegexType.TryCompile(speaker, out speakerRegex, out error))
                return false;
            links.Add(new MusicLink(sourceRegex, speakerRegex));
        }
        error = "";
        return true;
    }

    public override string Format(IReadOnlyList<MusicLink> value) => string.Join(' ', value);
}
