namespace PagingServer.Configuration;

/// <summary>A configuration file to read: a default location (skipped when absent) or one named on the command line (required).</summary>
internal sealed record ConfigFile(string Path, bool Required);

/// <summary>
/// The order files are read in, later values overriding earlier ones: the original's
/// paging.conf and callpipe.conf locations, with the drop-in folder read between them.
/// </summary>
internal sealed class ConfigFileLocator(string workingDirectory, string etcDirectory)
{
    public const string DropInFolder = "paging.conf.d";

    public static ConfigFileLocator System => new(Environment.CurrentDirectory, "/etc");

    public IReadOnlyList<ConfigFile> Locate(IEnumerable<string> commandLinePaths)
    {
        var files = new List<ConfigFile>
        {
            new(Path.Combine(workingDirectory, "paging.conf"), false),
            new(Path.Combine(etcDirectory, "paging.conf"), false),
        };
        files.AddRange(DropIns().Select(path => new ConfigFile(path, false)));
        files.Add(new(Path.Combine(workingDirectory, "callpipe.conf"), false));
        files.Add(new(Path.Combine(etcDirectory, "callpipe.conf"), false));
        files.AddRange(commandLinePaths.Select(path => new ConfigFile(Path.GetFullPath(path, workingDirectory), true)));
        return files;
    }

    /// <summary>Every *.conf and *.toml in /etc/paging.conf.d, in ordinal name order (like systemd drop-ins).</summary>
    private IEnumerable<string> DropIns()
    {
        string folder = Path.Combine(etcDirectory, DropInFolder);
        if (!Directory.Exists(folder))
            return [];
        return Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".conf", StringComparison.Ordinal) || f.EndsWith(".toml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }
}
