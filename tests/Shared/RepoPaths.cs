namespace PagingServer.Testing;

/// <summary>Finds the repository (the folder holding PagingServer.sln) from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string File(string relative) => Path.Combine(Root, relative);

    /// <summary>The NativeAOT binary `make publish` writes; tests of it fail with a hint when it is missing.</summary>
    public static string PublishedBinary
    {
        get
        {
            string path = Environment.GetEnvironmentVariable("PAGING_BINARY") ?? File("artifacts/publish/paging");
            Assert.True(System.IO.File.Exists(path), $"published binary not found at {path}: run 'make publish' first (make test does)");
            return path;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "PagingServer.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"PagingServer.sln not found above {AppContext.BaseDirectory}");
    }
}
