namespace PagingServer.Toml.Tests.Conformance;

/// <summary>CI clones the repository elsewhere but keeps shared/ beside the clone.</summary>
public sealed class CorpusLocatorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("toml-locator-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string MakeRepository()
    {
        string repo = Path.Combine(_root, "clone");
        string binDir = Path.Combine(repo, "tests", "X", "bin", "Debug");
        Directory.CreateDirectory(binDir);
        File.WriteAllText(Path.Combine(repo, "PagingServer.sln"), string.Empty);
        return binDir;
    }

    [Fact]
    public void The_corpus_beside_the_repository_is_found_from_the_test_binaries()
    {
        string binDir = MakeRepository();
        string corpus = Path.Combine(_root, "shared", "corpus", "toml-test");
        Directory.CreateDirectory(corpus);
        File.WriteAllText(Path.Combine(corpus, "files-toml-1.0.0"), string.Empty);

        Assert.Equal(corpus, CorpusLocator.Find(binDir, out _));
    }

    [Fact]
    public void A_missing_corpus_names_the_path_that_was_looked_for()
    {
        string binDir = MakeRepository();

        Assert.Null(CorpusLocator.Find(binDir, out string lookedFor));
        Assert.Equal(Path.Combine(_root, "shared", "corpus", "toml-test"), lookedFor);
    }
}
