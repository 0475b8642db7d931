namespace PagingServer.Image.Tests.Layer;

/// <summary>The files of a layer folder (the real one, or a copy a test has broken).</summary>
internal sealed class LayerTree(string root, string repoRoot)
{
    public string Root { get; } = root;

    /// <summary>The repository around the layer: the paging recipe takes files from it.</summary>
    public string RepoRoot { get; } = repoRoot;

    public static LayerTree Real => new(RepoPaths.File("yocto-layer"), RepoPaths.Root);

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public bool Exists(string relative) => File.Exists(PathOf(relative));

    public string Text(string relative) => File.ReadAllText(PathOf(relative));

    public BitbakeFile Bitbake(string relative) => BitbakeFile.Load(PathOf(relative));

    /// <summary>Recipes and appends under recipes-*/, as paths relative to the layer.</summary>
    public IEnumerable<string> RecipeFiles() => Relative(Directory.EnumerateFiles(Root, "*.bb*", SearchOption.AllDirectories)
        .Where(p => p.EndsWith(".bb", StringComparison.Ordinal) || p.EndsWith(".bbappend", StringComparison.Ordinal)));

    /// <summary>Every file in BitBake syntax: recipes, appends, classes, includes and .conf under conf/.</summary>
    public IEnumerable<string> BitbakeSyntaxFiles() => RecipeFiles()
        .Concat(Relative(Directory.EnumerateFiles(Root, "*.inc", SearchOption.AllDirectories)))
        .Concat(Relative(Directory.EnumerateFiles(Root, "*.bbclass", SearchOption.AllDirectories)))
        .Concat(Relative(Directory.EnumerateFiles(PathOf("conf"), "*.conf", SearchOption.AllDirectories)))
        .Order(StringComparer.Ordinal);

    /// <summary>The recipe name of a .bb or .bbappend: the file name up to the version separator.</summary>
    public static string RecipeName(string relative)
    {
        string name = Path.GetFileName(relative);
        name = name[..name.LastIndexOf('.')];
        int underscore = name.IndexOf('_', StringComparison.Ordinal);
        return underscore < 0 ? name : name[..underscore];
    }

    /// <summary>The recipe (not append) whose name is given, or null.</summary>
    public string? Recipe(string name) =>
        RecipeFiles().FirstOrDefault(r => r.EndsWith(".bb", StringComparison.Ordinal) && RecipeName(r) == name);

    private IEnumerable<string> Relative(IEnumerable<string> paths) =>
        paths.Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'));
}

/// <summary>A private copy of the layer to break one thing in and see a check fail.</summary>
internal sealed class LayerCopy : IDisposable
{
    private readonly TempDirectory temp = new();

    public LayerCopy()
    {
        string source = RepoPaths.File("yocto-layer");
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(temp.Path, "yocto-layer", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Tree = new LayerTree(Path.Combine(temp.Path, "yocto-layer"), RepoPaths.Root);
    }

    public LayerTree Tree { get; }

    /// <summary>Rewrites one file; fails the test if the edit changed nothing (a stale edit proves nothing).</summary>
    public LayerCopy Edit(string relative, string find, string replace)
    {
        string path = Tree.PathOf(relative);
        string text = File.ReadAllText(path);
        Assert.True(text.Contains(find, StringComparison.Ordinal), $"'{find}' is not in {relative}");
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        return this;
    }

    public void Dispose() => temp.Dispose();
}
