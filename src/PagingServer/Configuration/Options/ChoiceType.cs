namespace PagingServer.Configuration.Options;

/// <summary>One word out of a fixed set (case-insensitive), such as the SIP transport.</summary>
internal sealed class ChoiceType(params string[] choices) : OptionType<string>
{
    public override string Describe => string.Join(" or ", choices);

    public override bool TryParse(string text, out string value, out string error)
    {
        value = text.Trim().ToLowerInvariant();
        error = "";
        if (choices.Contains(value))
            return true;
        error = $"'{text}' is not one of: {string.Join(", ", choices)}";
        return false;
    }

    public override string Format(string value) => value;
}

/// <summary>Space-separated words, each checked by <paramref name="accept"/> (null: any word).</summary>
internal sealed class WordListType(string describe, Func<string, string?>? accept = null) : OptionType<IReadOnlyList<string>>
{
    public override string Describe => describe;

    public override bool TryParse(string text, out IReadOnlyList<string> value, out string error)
    {
        string[] words = text.Split((char[]?)[' ', '\t', '\n', ','], StringSplitOptions.RemoveEmptyEntries);
        value = words;
        error = "";
        foreach (string word in words)
        {
            if (accept?.Invoke(word) is { } problem)
            {
                error = problem;
                return false;
            }
        }
        return true;
    }

    public override string Format(IReadOnlyList<string> value) => string.Join(' ', value);
}
