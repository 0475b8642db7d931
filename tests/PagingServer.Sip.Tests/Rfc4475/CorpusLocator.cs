namespace PagingServer.Sip.Tests.Rfc4475;

// Finds the shared RFC 4475 corpus beside the repository (never copied into it).
internal static class CorpusLocator
{
    public static string Directory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PagingServer.sln")))
        {
            dir = dir.Parent;
        }
        Assert.True(dir is not null, $"PagingServer.sln not found above {AppContext.BaseDirectory}");
        string corpus = Path.GetFullPath(Path.Combine(dir!.FullName, "..", "shared", "corpus", "rfc4475"));
        Assert.True(System.IO.Directory.Exists(corpus), $"RFC 4475 corpus missing: expected it at {corpus}");
        return corpus;
    }

    public static byte[] Read(string file) => File.ReadAllBytes(Path.Combine(Directory(), file));
}
