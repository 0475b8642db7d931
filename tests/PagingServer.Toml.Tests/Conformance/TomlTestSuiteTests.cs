using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace PagingServer.Toml.Tests.Conformance;

/// <summary>Runs every TOML 1.0.0 case of toml-test (the corpus README explains the layout).</summary>
public sealed class TomlTestSuiteTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_toml_1_0_0_case_of_toml_test_is_decoded_or_rejected_as_expected()
    {
        string? corpus = CorpusLocator.Find(out string lookedFor);
        Assert.True(corpus is not null, $"toml-test corpus not found: looked for {lookedFor}");

        var known = KnownFailures.Load();
        var cases = File.ReadAllLines(Path.Combine(corpus, "files-toml-1.0.0"))
            .Where(l => l.EndsWith(".toml", StringComparison.Ordinal))
            .ToList();
        int valid = 0, validPassed = 0, invalid = 0, invalidPassed = 0;
        var failures = new List<string>();
        var unexpectedPasses = new List<string>();
        foreach (string file in cases)
        {
            bool isValid = file.StartsWith("valid/", StringComparison.Ordinal);
            string? problem = isValid ? CheckValid(corpus, file) : CheckInvalid(corpus, file);
            if (isValid)
            {
                valid++;
                validPassed += problem is null ? 1 : 0;
            }
            else
            {
                invalid++;
                invalidPassed += problem is null ? 1 : 0;
            }

            if (problem is not null && !known.ContainsKey(file))
            {
                failures.Add($"{file}: {problem}");
            }
            else if (problem is null && known.ContainsKey(file))
            {
                unexpectedPasses.Add($"{file} passes: remove it from {KnownFailures.FileName}");
            }
        }

        string summary = $"valid {validPassed}/{valid}, invalid {invalidPassed}/{invalid}, total {validPassed + invalidPassed}/{valid + invalid}, known failures {known.Count}";
        output.WriteLine(summary);
        TestReport.Write("toml-test", $"toml-test (TOML 1.0.0): {summary}");
        failures.ForEach(output.WriteLine);
        unexpectedPasses.ForEach(output.WriteLine);

        // 205 valid and 499 invalid TOML files are listed at the pinned corpus commit: a shrunken list is a broken corpus.
        Assert.True(valid >= 200 && invalid >= 490, $"{summary}: the file list looks truncated");
        Assert.True(failures.Count == 0 && unexpectedPasses.Count == 0,
            summary + Environment.NewLine + string.Join(Environment.NewLine, failures.Concat(unexpectedPasses)));
    }

    private static string? CheckValid(string corpus, string file)
    {
        byte[] toml = File.ReadAllBytes(Path.Combine(corpus, file));
        string jsonPath = Path.Combine(corpus, Path.ChangeExtension(file, ".json"));
        var result = TomlReader.Parse(toml);
        if (!result.Success)
        {
            return $"rejected: {result.Error}";
        }

        using var expected = JsonDocument.Parse(File.ReadAllBytes(jsonPath));
        using var actual = JsonDocument.Parse(TaggedJson.Serialize(result.Root));
        return TaggedJsonComparer.Difference(expected.RootElement, actual.RootElement);
    }

    private static string? CheckInvalid(string corpus, string file)
    {
        byte[] toml = File.ReadAllBytes(Path.Combine(corpus, file));
        var result = TomlReader.Parse(toml);
        if (result.Success)
        {
            return "accepted but must be rejected: " + TaggedJson.Serialize(result.Root).ReplaceLineEndings(" ");
        }

        // The text-based entry point must agree whenever the bytes are valid UTF-8.
        string? text = TryDecode(toml);
        return text is not null && TomlReader.Parse(text).Success ? "Parse(string) accepted what Parse(bytes) rejected" : null;
    }

    private static string? TryDecode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
