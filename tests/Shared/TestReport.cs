namespace PagingServer.Testing;

/// <summary>
/// Figures a test wants people to see in `make test` output (conformance counts, measured
/// timings): each report is one file under artifacts/test-reports/, printed by scripts/run-tests
/// after the run. xunit shows a passing test's own output to nobody.
/// </summary>
public static class TestReport
{
    public static void Write(string name, string text)
    {
        string folder = Path.Combine(RepoPaths.Root, "artifacts", "test-reports");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".txt"), text.TrimEnd() + "\n");
    }
}
