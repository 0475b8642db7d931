namespace PagingServer.Media.Tests.Klaxon;

internal static class TempDirectoryExtensions
{
    /// <summary>A path for <paramref name="name"/> inside the test's private folder.</summary>
    public static string File(this TempDirectory dir, string name) => Path.Combine(dir.Path, name);
}
