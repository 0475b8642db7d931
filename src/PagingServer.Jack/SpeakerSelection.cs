using System.Globalization;
using System.Text.RegularExpressions;

namespace PagingServer.Jack;

/// <summary>Picks speakers among the physical playback ports from the
/// <see cref="JackEngineOptions.OutputPorts"/> specification.</summary>
internal static class SpeakerSelection
{
    /// <summary>Returns the chosen ports in JACK's order, each once. A token of digits is a
    /// 1-based position in <paramref name="physicalPlayback"/>; any other token is a regex
    /// searched in the full port name. An empty specification takes every port.</summary>
    internal static List<string> Select(IReadOnlyList<string> physicalPlayback, string spec)
    {
        var tokens = spec.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0)
        {
            return [.. physicalPlayback];
        }

        var chosen = new bool[physicalPlayback.Count];
        foreach (var token in tokens)
        {
            if (token.All(char.IsAsciiDigit))
            {
                if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= chosen.Length)
                {
                    chosen[n - 1] = true;
                }

                continue;
            }

            var re = new Regex(token, RegexOptions.CultureInvariant);
            for (var i = 0; i < chosen.Length; i++)
            {
                chosen[i] |= re.IsMatch(physicalPlayback[i]);
            }
        }

        var result = new List<string>();
        for (var i = 0; i < chosen.Length; i++)
        {
            if (chosen[i])
            {
                result.Add(physicalPlayback[i]);
            }
        }

        return result;
    }
}
