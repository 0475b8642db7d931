using System.Diagnostics.CodeAnalysis;

namespace PagingServer.Toml.Parsing;

/// <summary>Offset/local date-times, local dates and times (toml.io v1.0.0, RFC 3339 section 5.6).</summary>
internal sealed partial class Parser
{
    private bool ParseDateTime(string token, int start, int line, [NotNullWhen(true)] out TomlValue? value)
    {
        value = null;
        var error = DateTimeSyntax.Parse(token, out var kind, out var parts);
        if (error is not null)
        {
            return Fail(start, $"invalid date/time '{token}': {error}");
        }

        value = new TomlDateTime(kind, token, parts, line);
        return true;
    }
}
