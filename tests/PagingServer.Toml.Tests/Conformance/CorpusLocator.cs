namespace PagingServer.Toml.Tests.Conformance;

/// <summary>
/// Finds shared/corpus/toml-test beside the repository: the repository root is the folder holding
/// PagingServer.sln, found by walking up from the test assembly; CI keeps shared/ next to its clone.
/// </summary>
internal static class CorpusLocator
{
    public const string RelativePath = "shared/corpus/toml-test";

    /// <summary>The corpus folder, or null with the path that was looked for.</summary>
    public static string? Find(out string lookedFor) => Find(AppContext.BaseDirectory, out lookedFor);

    /// <summary>As <see cref="Find(out string)"/>, walking up from <paramref name="startDirectory"/>.</summary>
    public static string? Find(string startDirectory, out string lookedFor)
    {
        var start = new DirectoryInfo(startDirectory);
        var repo = start;
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "PagingServer.sln")))
        {
            repo = repo.Parent;
        }

        if (repo is null)
        {
            lookedFor = $"no PagingServer.sln above {start.FullName}";
            return null;
        }

        // Any ancestor of the repository may hold shared/ (normally its parent).
        lookedFor = Path.GetFullPath(Path.Combine(repo.FullName, "..", RelativePath));
        for (var dir = repo.Parent; dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(Path.Combine(candidate, "files-toml-1.0.0")))
            {
                return candidate;
            }
        }

        return null;
    }
}
