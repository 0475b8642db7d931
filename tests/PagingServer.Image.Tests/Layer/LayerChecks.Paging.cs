namespace PagingServer.Image.Tests.Layer;

internal static partial class LayerChecks
{
    /// <summary>The .NET runtime id `make publish RID=...` takes, per TARGET_ARCH override.</summary>
    public static readonly IReadOnlyDictionary<string, string> RuntimeIds = new Dictionary<string, string>
    {
        ["x86-64"] = "linux-x64",
        ["aarch64"] = "linux-arm64",
    };

    /// <summary>
    /// The paging recipe maps both architectures to runtime ids, installs the binary, the unit
    /// and the default config, builds the klaxon cache into the directory paging.service names,
    /// creates its user, and handles the one QA check a NativeAOT binary trips.
    /// </summary>
    public static List<string> PagingRecipe(LayerTree layer)
    {
        var problems = new List<string>();
        if (layer.Recipe("paging") is not { } relative)
            return ["no paging recipe"];
        BitbakeFile recipe = layer.Bitbake(relative);
        foreach ((string arch, string rid) in RuntimeIds)
        {
            if (recipe.Value($"PAGING_RID:{arch}") != rid)
                problems.Add($"{relative}: PAGING_RID:{arch} is not '{rid}'");
        }
        string sources = recipe.Combined("SRC_URI");
        foreach (string file in new[] { "file://paging ", "file://paging.service", "file://paging.example.conf" })
        {
            if (!(sources + " ").Contains(file, StringComparison.Ordinal))
                problems.Add($"{relative}: SRC_URI lacks {file.Trim()}");
        }
        string install = recipe.Function("do_install")?.Body ?? "";
        foreach (string target in new[] { "${D}${bindir}/paging", "${D}${systemd_system_unitdir}/paging.service", "${D}${sysconfdir}/paging.conf" })
        {
            if (!install.Contains(target, StringComparison.Ordinal))
                problems.Add($"{relative}: do_install does not install {target}");
        }
        string cacheDir = CacheDirectoryOfUnit(layer);
        if (!install.Contains("${localstatedir}/cache/" + cacheDir, StringComparison.Ordinal))
            problems.Add($"{relative}: do_install does not fill ${{localstatedir}}/cache/{cacheDir} (paging.service CacheDirectory)");
        string compile = string.Join('\n', recipe.Functions.Select(f => f.Body));
        if (!compile.Contains("--build-klaxon-cache", StringComparison.Ordinal))
            problems.Add($"{relative}: no task runs paging --build-klaxon-cache");
        foreach (string cls in new[] { "useradd", "systemd" })
        {
            if (!recipe.Inherits.Contains(cls))
                problems.Add($"{relative}: does not inherit {cls}");
        }
        if (!recipe.Combined("SYSTEMD_SERVICE:${PN}").Split(' ').Contains("paging.service"))
            problems.Add($"{relative}: SYSTEMD_SERVICE:${{PN}} lacks paging.service");
        if (!recipe.Combined("INSANE_SKIP:${PN}").Split(' ').Contains("already-stripped"))
            problems.Add($"{relative}: INSANE_SKIP:${{PN}} lacks already-stripped (NativeAOT strips the binary)");
        UserAdd? paging = UserAdds(layer).FirstOrDefault(u => u.Name == "paging");
        if (paging is null)
            problems.Add("no recipe creates the user paging (USERADD_PARAM)");
        else if (paging.PrimaryGroup != "audio")
            problems.Add($"{paging.Recipe}: user paging has primary group '{paging.PrimaryGroup}', not audio (paging.service Group=audio)");
        return problems;
    }

    /// <summary>
    /// RAUC's rauc-mark-good.service confirms a slot after boot-complete.target; the gate unit
    /// holds that target until paging.service is up, so an update whose paging fails is not
    /// confirmed and GRUB falls back (systemd.special(7), boot-complete.target).
    /// </summary>
    public static List<string> HealthGate(LayerTree layer)
    {
        const string gate = "recipes-paging/paging/files/paging-healthy.service";
        if (!layer.Exists(gate))
            return [$"{gate} is missing"];
        var problems = new List<string>();
        var unit = IniFile.Parse(layer.Text(gate));
        foreach ((string section, string key, string value) in new[]
        {
            ("Unit", "Before", "boot-complete.target"), ("Install", "RequiredBy", "boot-complete.target"),
            ("Unit", "After", "paging.service"), ("Unit", "Requires", "paging.service"),
        })
        {
            if (!unit.Any(e => e.Section == section && e.Key == key && e.Value.Split(' ').Contains(value)))
                problems.Add($"{gate}: [{section}] {key}= lacks {value}");
        }
        if (!(unit.Get("Service", "ExecStart") ?? "").Contains("is-active", StringComparison.Ordinal))
            problems.Add($"{gate}: ExecStart does not check that paging.service is active");
        if (layer.Recipe("paging") is { } recipe && !layer.Bitbake(recipe).Combined("SYSTEMD_SERVICE:${PN}").Split(' ').Contains("paging-healthy.service"))
            problems.Add("the paging recipe does not enable paging-healthy.service");
        return problems;
    }

    /// <summary>paging.service's CacheDirectory=, the folder --build-klaxon-cache fills.</summary>
    private static string CacheDirectoryOfUnit(LayerTree layer) =>
        File.ReadAllLines(Path.Combine(layer.RepoRoot, "paging.service"))
            .Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("CacheDirectory=", StringComparison.Ordinal))?["CacheDirectory=".Length..] ?? "paging";
}
