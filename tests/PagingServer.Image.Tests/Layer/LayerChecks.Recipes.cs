using System.Text.RegularExpressions;

namespace PagingServer.Image.Tests.Layer;

internal static partial class LayerChecks
{
    /// <summary>
    /// Every recipe names its license and, unless CLOSED, the checksummed license text; remote
    /// sources carry a checksum (SRC_URI[sha256sum]) and git sources a SRCREV; local files
    /// exist. Appends never set LICENSE: they inherit the license of the recipe they extend.
    /// </summary>
    public static List<string> Licenses(LayerTree layer)
    {
        var problems = new List<string>();
        foreach (string relative in layer.RecipeFiles())
        {
            BitbakeFile recipe = layer.Bitbake(relative);
            bool isAppend = relative.EndsWith(".bbappend", StringComparison.Ordinal);
            string? license = recipe.Value("LICENSE");
            if (isAppend)
            {
                if (license is not null)
                    problems.Add($"{relative}: an append must not override LICENSE");
                if (!AppendName().IsMatch(Path.GetFileName(relative)))
                    problems.Add($"{relative}: name an append NAME_%.bbappend (or NAME.bbappend for an unversioned recipe), not a fixed version");
            }
            else if (string.IsNullOrWhiteSpace(license))
            {
                problems.Add($"{relative}: no LICENSE");
            }
            else if (license != "CLOSED")
            {
                string checksums = recipe.Combined("LIC_FILES_CHKSUM");
                if (checksums.Length == 0)
                    problems.Add($"{relative}: LICENSE {license} without LIC_FILES_CHKSUM");
                foreach (string entry in checksums.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!LicenseChecksum().IsMatch(entry))
                        problems.Add($"{relative}: LIC_FILES_CHKSUM entry '{entry}' has no md5= or sha256=");
                }
            }
            problems.AddRange(Sources(layer, relative, recipe));
        }
        return problems;
    }

    private static IEnumerable<string> Sources(LayerTree layer, string relative, BitbakeFile recipe)
    {
        string dir = Path.GetDirectoryName(layer.PathOf(relative))!;
        string extra = recipe.Combined("FILESEXTRAPATHS");
        foreach (string uri in recipe.Combined("SRC_URI").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string scheme = uri.Split("://")[0];
            if (scheme is "http" or "https" or "ftp")
            {
                if (!recipe.Assignments.Any(a => a.BaseName == "SRC_URI" && a.Flag is not null && a.Flag.EndsWith("sha256sum", StringComparison.Ordinal)))
                    yield return $"{relative}: {uri} without SRC_URI[sha256sum]";
            }
            else if (scheme.StartsWith("git", StringComparison.Ordinal))
            {
                if (recipe.Value("SRCREV") is null)
                    yield return $"{relative}: {uri} without SRCREV";
            }
            else if (scheme == "file")
            {
                string name = uri["file://".Length..].Split(';')[0];
                if (name.StartsWith("${", StringComparison.Ordinal))
                    continue;
                bool built = name == "paging" && extra.Contains("${PAGING_BINARY_DIR}", StringComparison.Ordinal);
                bool inRepo = extra.Contains("${PAGING_REPO_DIR}", StringComparison.Ordinal) && File.Exists(Path.Combine(layer.RepoRoot, name));
                bool inLayer = File.Exists(Path.Combine(dir, "files", name)) || File.Exists(Path.Combine(dir, LayerTree.RecipeName(relative), name));
                if (!built && !inRepo && !inLayer)
                    yield return $"{relative}: {uri} is not in files/ next to the recipe";
            }
        }
    }

    [GeneratedRegex(@"^file://[^;]+;.*\b(md5|sha256)=[0-9a-f]{32,64}")]
    private static partial Regex LicenseChecksum();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9+.\-]*(_%)?\.bbappend$")]
    private static partial Regex AppendName();
}
