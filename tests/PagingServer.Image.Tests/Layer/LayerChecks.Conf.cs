namespace PagingServer.Image.Tests.Layer;

/// <summary>
/// The layer's rules, each a function from a layer tree to the problems found (empty: pass).
/// bitbake cannot run here, so these stand in for the parse-time errors it would give.
/// </summary>
internal static partial class LayerChecks
{
    public const string Series = "wrynose";
    public const string Collection = "paging";

    /// <summary>conf/layer.conf declares the collection the way bitbake-layers expects
    /// (Yocto reference manual, "Layers": BBFILE_COLLECTIONS, BBFILE_PATTERN, BBFILE_PRIORITY,
    /// LAYERDEPENDS, LAYERSERIES_COMPAT).</summary>
    public static List<string> LayerConf(LayerTree layer)
    {
        var problems = new List<string>();
        if (!layer.Exists("conf/layer.conf"))
            return ["conf/layer.conf is missing"];
        BitbakeFile conf = layer.Bitbake("conf/layer.conf");
        if (!conf.All("BBFILE_COLLECTIONS").Any(a => a.Value.Split(' ').Contains(Collection)))
            problems.Add($"BBFILE_COLLECTIONS does not add '{Collection}'");
        if (conf.Value($"BBFILE_PATTERN_{Collection}") is not { } pattern || !pattern.StartsWith('^'))
            problems.Add($"BBFILE_PATTERN_{Collection} is missing or not anchored with ^");
        if (!int.TryParse(conf.Value($"BBFILE_PRIORITY_{Collection}"), out _))
            problems.Add($"BBFILE_PRIORITY_{Collection} is missing or not a number");
        if (string.IsNullOrWhiteSpace(conf.Value($"LAYERDEPENDS_{Collection}")))
            problems.Add($"LAYERDEPENDS_{Collection} is missing");
        else if (!conf.Value($"LAYERDEPENDS_{Collection}")!.Split(' ').Contains("core"))
            problems.Add($"LAYERDEPENDS_{Collection} does not name 'core'");
        if (conf.Value($"LAYERSERIES_COMPAT_{Collection}") != Series)
            problems.Add($"LAYERSERIES_COMPAT_{Collection} is '{conf.Value($"LAYERSERIES_COMPAT_{Collection}")}', not '{Series}'");
        if (!conf.Combined("BBFILES").Contains(".bbappend", StringComparison.Ordinal))
            problems.Add("BBFILES does not pick up .bbappend files");
        return problems;
    }

    /// <summary>The distro: systemd, RAUC's distro feature, static IDs enforced, and a name no
    /// recipe has (a distro named like a recipe collides with it).</summary>
    public static List<string> Distro(LayerTree layer)
    {
        var problems = new List<string>();
        string[] distros = Directory.Exists(layer.PathOf("conf/distro"))
            ? Directory.GetFiles(layer.PathOf("conf/distro"), "*.conf")
            : [];
        if (distros.Length == 0)
            return ["conf/distro has no distro"];
        var recipes = layer.RecipeFiles().Select(LayerTree.RecipeName).ToHashSet();
        foreach (string path in distros)
        {
            var conf = BitbakeFile.Load(path);
            string name = Path.GetFileNameWithoutExtension(path);
            if (recipes.Contains(name))
                problems.Add($"distro '{name}' has the name of a recipe");
            if (conf.Value("DISTRO") != name)
                problems.Add($"{name}.conf sets DISTRO to '{conf.Value("DISTRO")}'");
            if (conf.Value("INIT_MANAGER") != "systemd")
                problems.Add($"{name}.conf does not set INIT_MANAGER = \"systemd\"");
            if (!conf.Combined("DISTRO_FEATURES").Split(' ').Contains("rauc"))
                problems.Add($"{name}.conf does not add 'rauc' to DISTRO_FEATURES (meta-rauc needs it)");
            if (conf.Value("USERADDEXTENSION") != "useradd-staticids")
                problems.Add($"{name}.conf does not set USERADDEXTENSION = \"useradd-staticids\"");
            if (conf.Value("USERADD_ERROR_DYNAMIC") != "error")
                problems.Add($"{name}.conf does not make a user without a static ID an error (USERADD_ERROR_DYNAMIC)");
            foreach (string table in new[] { "USERADD_UID_TABLES", "USERADD_GID_TABLES" })
            {
                if (conf.Value(table) is not { } file || !layer.Exists(file))
                    problems.Add($"{name}.conf: {table} names no file of the layer");
            }
        }
        return problems;
    }
}
