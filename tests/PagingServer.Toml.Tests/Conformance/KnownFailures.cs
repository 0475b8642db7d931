namespace PagingServer.Toml.Tests.Conformance;

/// <summary>
/// toml-test cases this reader is known to get wrong, one "path  # reason" a line, read from
/// toml-test-known-failures.txt beside the test assembly. Aim: empty.
/// </summary>
internal static class KnownFailures
{
    public const string FileName = "toml-test-known-failures.txt";

    public static Dictionary<string, string> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, FileName);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int hash = line.IndexOf('#', StringComparison.Ordinal);
            string file = (hash < 0 ? line : line[..hash]).Trim();
            string reason = hash < 0 ? string.Empty : line[(hash + 1)..].Trim();
            Assert.False(reason.Length == 0, $"{FileName}: '{file}' needs a reason after '#'");
            result[file] = reason;
        }

        return result;
    }
}
