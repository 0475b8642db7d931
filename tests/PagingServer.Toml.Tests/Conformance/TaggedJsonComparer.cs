using System.Globalization;
using System.Text.Json;

namespace PagingServer.Toml.Tests.Conformance;

/// <summary>
/// Structural comparison of two tagged JSON documents the way toml-test judges them: tables by
/// key set, arrays in order, floats by value (inf/nan by text), date-times after normalising
/// separators, fraction trailing zeros and 'Z' versus "+00:00".
/// </summary>
internal static class TaggedJsonComparer
{
    /// <summary>Null when equal, else a description of the first difference.</summary>
    public static string? Difference(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (IsTagged(expected) || IsTagged(actual))
        {
            return IsTagged(expected) && IsTagged(actual)
                ? ScalarDifference(expected, actual, path)
                : $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}";
        }

        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected a {expected.ValueKind}, got a {actual.ValueKind}";
        }

        if (expected.ValueKind == JsonValueKind.Array)
        {
            int n = expected.GetArrayLength();
            if (n != actual.GetArrayLength())
            {
                return $"{path}: expected {n} elements, got {actual.GetArrayLength()}";
            }

            for (int i = 0; i < n; i++)
            {
                string? d = Difference(expected[i], actual[i], $"{path}[{i}]");
                if (d is not null)
                {
                    return d;
                }
            }

            return null;
        }

        if (expected.ValueKind != JsonValueKind.Object)
        {
            return $"{path}: unexpected JSON {expected.ValueKind} in the expected file";
        }

        var expectedKeys = expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var actualKeys = actual.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        if (!expectedKeys.SequenceEqual(actualKeys))
        {
            return $"{path}: expected keys [{string.Join(", ", expectedKeys)}], got [{string.Join(", ", actualKeys)}]";
        }

        foreach (string key in expectedKeys)
        {
            string? d = Difference(expected.GetProperty(key), actual.GetProperty(key), $"{path}.{key}");
            if (d is not null)
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>A scalar is an object of exactly "type" and "value", both strings.</summary>
    private static bool IsTagged(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object
        && e.EnumerateObject().Count() == 2
        && e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
        && e.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String;

    private static string? ScalarDifference(JsonElement expected, JsonElement actual, string path)
    {
        string type = expected.GetProperty("type").GetString()!;
        string actualType = actual.GetProperty("type").GetString()!;
        string ev = expected.GetProperty("value").GetString()!;
        string av = actual.GetProperty("value").GetString()!;
        if (type != actualType)
        {
            return $"{path}: expected type {type}, got {actualType} ({av})";
        }

        bool same = type switch
        {
            "float" => SameFloat(ev, av),
            "datetime" or "datetime-local" or "date-local" or "time-local" => NormaliseDateTime(ev) == NormaliseDateTime(av),
            _ => ev == av,
        };
        return same ? null : $"{path}: expected {type} '{ev}', got '{av}'";
    }

    private static bool SameFloat(string e, string a)
    {
        static string Special(string s) => s.TrimStart('+') switch
        {
            "inf" => "inf",
            "-inf" => "-inf",
            "nan" or "-nan" => "nan",
            _ => string.Empty,
        };

        if (Special(e).Length > 0 || Special(a).Length > 0)
        {
            return Special(e) == Special(a);
        }

        return double.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
            && double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out double y)
            && x == y;
    }

    /// <summary>Upper-case separators, 'T' between date and time, no trailing fraction zeros, Z as +00:00.</summary>
    internal static string NormaliseDateTime(string s)
    {
        s = s.ToUpperInvariant();
        if (s.Length > 10 && s[10] == ' ')
        {
            s = string.Concat(s.AsSpan(0, 10), "T", s.AsSpan(11));
        }

        if (s.EndsWith('Z'))
        {
            s = s[..^1] + "+00:00";
        }

        if (s.EndsWith("-00:00", StringComparison.Ordinal))
        {
            s = s[..^6] + "+00:00";
        }

        int dot = s.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            int end = dot + 1;
            while (end < s.Length && char.IsAsciiDigit(s[end]))
            {
                end++;
            }

            string fraction = s[(dot + 1)..end].TrimEnd('0');
            s = s[..dot] + (fraction.Length > 0 ? "." + fraction : string.Empty) + s[end..];
        }

        return s;
    }
}
