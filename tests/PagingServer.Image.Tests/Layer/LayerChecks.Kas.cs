namespace PagingServer.Image.Tests.Layer;

internal static partial class LayerChecks
{
    /// <summary>The layer each collection of LAYERDEPENDS lives in (their conf/layer.conf).</summary>
    public static readonly IReadOnlyDictionary<string, string> CollectionLayers = new Dictionary<string, string>
    {
        ["core"] = "meta",
        ["openembedded-layer"] = "meta-oe",
        ["multimedia-layer"] = "meta-multimedia",
        ["meta-python"] = "meta-python",
        ["rauc"] = "meta-rauc",
    };

    /// <summary>
    /// Each kas file builds the layer's image with its distro, takes every layer the layer
    /// depends on at the release series' branch, and includes this layer from this repository
    /// (kas documentation, "Project Configuration").
    /// </summary>
    public static List<string> Kas(LayerTree layer)
    {
        string[] files = Directory.Exists(layer.PathOf("kas")) ? Directory.GetFiles(layer.PathOf("kas"), "*.yml") : [];
        if (files.Length == 0)
            return ["kas/ has no .yml file"];
        var problems = new List<string>();
        foreach (string path in files)
        {
            string name = "kas/" + Path.GetFileName(path);
            Dictionary<string, object?> kas;
            try
            {
                kas = TinyYaml.Parse(File.ReadAllText(path));
            }
            catch (FormatException e)
            {
                problems.Add($"{name}: {e.Message}");
                continue;
            }
            if (kas.GetValueOrDefault("header") is not Dictionary<string, object?> header || header.GetValueOrDefault("version") is null)
                problems.Add($"{name}: no header version");
            if (kas.GetValueOrDefault("distro") is not string distro || !layer.Exists($"conf/distro/{distro}.conf"))
                problems.Add($"{name}: distro is not one of conf/distro");
            var targets = kas.GetValueOrDefault("target") as List<string> ?? [];
            foreach (string t in new[] { "paging-image", "paging-bundle" }.Where(t => !targets.Contains(t)))
                problems.Add($"{name}: target lacks {t}");
            if (kas.GetValueOrDefault("machine") is not string)
                problems.Add($"{name}: no machine");
            var repos = kas.GetValueOrDefault("repos") as Dictionary<string, object?> ?? [];
            var layers = new HashSet<string>();
            bool self = false;
            foreach ((string repo, object? value) in repos)
            {
                var spec = value as Dictionary<string, object?> ?? [];
                var repoLayers = spec.GetValueOrDefault("layers") as Dictionary<string, object?> ?? new() { ["."] = null };
                foreach (string l in repoLayers.Where(l => l.Value as string != "disabled").Select(l => l.Key))
                    layers.Add(l == "." ? repo : Path.GetFileName(l));
                if (!spec.ContainsKey("url") && !spec.ContainsKey("path") && repoLayers.ContainsKey("yocto-layer"))
                    self = true;
                if (spec.ContainsKey("url") && spec.GetValueOrDefault("branch") is not string && spec.GetValueOrDefault("commit") is not string)
                    problems.Add($"{name}: repo {repo} has neither branch nor commit");
                if (spec.ContainsKey("url") && repo != "bitbake" && spec.GetValueOrDefault("branch") is string branch && branch != Series)
                    problems.Add($"{name}: repo {repo} is on branch {branch}, not {Series}");
            }
            if (!self)
                problems.Add($"{name}: does not include yocto-layer from this repository");
            if (!repos.ContainsKey("bitbake"))
                problems.Add($"{name}: no bitbake repo");
            string depends = layer.Bitbake("conf/layer.conf").Value($"LAYERDEPENDS_{Collection}") ?? "";
            foreach (string collection in depends.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!CollectionLayers.TryGetValue(collection, out string? needed) || !layers.Contains(needed))
                    problems.Add($"{name}: LAYERDEPENDS names {collection}, whose layer the kas file does not add");
            }
        }
        return problems;
    }
}
