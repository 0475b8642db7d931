namespace PagingServer.Image.Tests.Layer;

internal static partial class LayerChecks
{
    public const string PartLabelPrefix = "/dev/disk/by-partlabel/";

    /// <summary>Where efi.mount (paging-system) mounts the EFI system partition.</summary>
    public const string EfiMount = "/efi/";

    /// <summary>The SD card: two root slots filled from the rootfs, and a /data partition that
    /// no image content overwrites; the image recipe names this kickstart.</summary>
    public static List<string> Wks(LayerTree layer)
    {
        var problems = new List<string>();
        if (WksPath(layer) is not { } wks)
            return ["the image's WKS_FILE names no file in files/wic/"];
        List<WicPartition> parts = Kickstart.Partitions(layer.Text(wks));
        List<WicPartition> roots = parts.Where(p => p.Source == "rootfs").ToList();
        if (roots.Count != 2)
            problems.Add($"{wks}: {roots.Count} root partitions (--source rootfs), A/B needs 2");
        if (roots.Any(r => r.PartName is null))
            problems.Add($"{wks}: a root partition has no --part-name (RAUC finds slots by it)");
        if (roots.Select(r => r.PartName).Distinct().Count() != roots.Count)
            problems.Add($"{wks}: root partitions share a --part-name");
        WicPartition? data = parts.FirstOrDefault(p => p.MountPoint == "/data");
        if (data is null)
            problems.Add($"{wks}: no /data partition");
        else if (data.Source is not null || data.PartName is null || data.FsType is null)
            problems.Add($"{wks}: /data must be an empty, named file system (no --source, --part-name, --fstype)");
        return problems;
    }

    /// <summary>RAUC's slots are the wks root partitions, one per boot name A and B, and the
    /// compatible string, keyring and GRUB environment agree with the rest of the layer.</summary>
    public static List<string> Rauc(LayerTree layer)
    {
        var problems = new List<string>();
        const string conf = "recipes-core/rauc/files/system.conf";
        if (!layer.Exists(conf) || WksPath(layer) is not { } wks)
            return [$"{conf} or the kickstart is missing"];
        var ini = IniFile.Parse(layer.Text(conf));
        var rootNames = Kickstart.Partitions(layer.Text(wks)).Where(p => p.Source == "rootfs").Select(p => p.PartName).ToHashSet();
        var slots = ini.Where(e => e.Section.StartsWith("slot.rootfs.", StringComparison.Ordinal)).Select(e => e.Section).Distinct().ToList();
        if (slots.Count != 2)
            problems.Add($"{conf}: {slots.Count} rootfs slots, A/B needs 2");
        var bootnames = new List<string?>();
        foreach (string slot in slots)
        {
            string device = ini.Get(slot, "device") ?? "";
            string label = device.StartsWith(PartLabelPrefix, StringComparison.Ordinal) ? device[PartLabelPrefix.Length..] : device;
            if (!rootNames.Contains(label))
                problems.Add($"{conf}: [{slot}] device {device} is not a root partition of {wks}");
            bootnames.Add(ini.Get(slot, "bootname"));
            if (ini.Get(slot, "type") is null)
                problems.Add($"{conf}: [{slot}] has no type");
        }
        if (!bootnames.Order().SequenceEqual(["A", "B"]))
            problems.Add($"{conf}: boot names are {string.Join(',', bootnames)}, not A and B");
        if (ini.Get("system", "bootloader") != "grub")
            problems.Add($"{conf}: bootloader is not grub (the x86-64 image boots with GRUB)");
        string? bundleCompatible = layer.Recipe("paging-bundle") is { } b ? layer.Bitbake(b).Value("RAUC_BUNDLE_COMPATIBLE") : null;
        if (bundleCompatible != "${PAGING_RAUC_COMPATIBLE}")
            problems.Add($"paging-bundle: RAUC_BUNDLE_COMPATIBLE is '{bundleCompatible}', not the layer's PAGING_RAUC_COMPATIBLE");
        string? layerCompatible = layer.Bitbake("conf/layer.conf").Value("PAGING_RAUC_COMPATIBLE");
        if (ini.Get("system", "compatible") is not { Length: > 0 } compatible || compatible != layerCompatible)
            problems.Add($"{conf}: compatible is '{ini.Get("system", "compatible")}', the bundle's (PAGING_RAUC_COMPATIBLE) is '{layerCompatible}'");
        BitbakeFile append = layer.Bitbake("recipes-core/rauc/rauc-conf.bbappend");
        if (ini.Get("keyring", "path") is not { } keyring || Path.GetFileName(keyring) != append.Value("RAUC_KEYRING_FILE"))
            problems.Add($"{conf}: keyring path is not the RAUC_KEYRING_FILE rauc-conf.bbappend installs");
        string grubenv = ini.Get("system", "grubenv") ?? "";
        string image = layer.Recipe("paging-image") is { } recipe ? layer.Bitbake(recipe).Combined("IMAGE_EFI_BOOT_FILES") : "";
        if (!grubenv.StartsWith(EfiMount, StringComparison.Ordinal) || !image.Contains(";" + grubenv[EfiMount.Length..], StringComparison.Ordinal))
            problems.Add($"{conf}: grubenv {grubenv} is not where the image puts it on the EFI partition (mounted at {EfiMount})");
        problems.AddRange(GrubSlots(layer, ini, slots));
        return problems;
    }

    /// <summary>grub.cfg boots each boot name from the partition RAUC writes for it, tells
    /// RAUC which slot is running (rauc.slot=), and never lets a slot hang the box before the
    /// watchdog runs: a bounded rootwait=N and panic=N, so a slot that cannot mount its root
    /// reboots and GRUB skips it (nobody is at a PA amplifier rack to press reset).</summary>
    private static IEnumerable<string> GrubSlots(LayerTree layer, List<(string Section, string Key, string Value)> ini, List<string> slots)
    {
        const string grub = "files/wic/paging-grub.cfg";
        string text = layer.Exists(grub) ? layer.Text(grub) : "";
        foreach (string slot in slots)
        {
            string label = (ini.Get(slot, "device") ?? "").Replace(PartLabelPrefix, "", StringComparison.Ordinal);
            string expected = $"root=PARTLABEL={label} ";
            string? line = text.Split('\n').FirstOrDefault(l => l.Contains(expected, StringComparison.Ordinal));
            if (line is null || !line.Contains($"rauc.slot={ini.Get(slot, "bootname")}", StringComparison.Ordinal))
            {
                yield return $"{grub}: no entry boots {label} with rauc.slot={ini.Get(slot, "bootname")}";
                continue;
            }
            string[] args = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!args.Any(a => a.StartsWith("rootwait=", StringComparison.Ordinal)) || args.Contains("rootwait"))
                yield return $"{grub}: {label} waits for its root device without a bound (use rootwait=SECONDS)";
            if (!args.Any(a => a.StartsWith("panic=", StringComparison.Ordinal) && a != "panic=0"))
                yield return $"{grub}: {label} has no panic=SECONDS: a kernel panic would stop the box instead of rebooting into the other slot";
        }
    }

    /// <summary>The bundle carries the image's root file system and is signed.</summary>
    public static List<string> Bundle(LayerTree layer)
    {
        if (layer.Recipe("paging-bundle") is not { } relative)
            return ["no paging-bundle recipe"];
        var problems = new List<string>();
        BitbakeFile bundle = layer.Bitbake(relative);
        if (!bundle.Inherits.Contains("bundle"))
            problems.Add($"{relative}: does not inherit bundle");
        if (!(bundle.Value("RAUC_BUNDLE_SLOTS") ?? "").Split(' ').Contains("rootfs"))
            problems.Add($"{relative}: RAUC_BUNDLE_SLOTS lacks rootfs");
        if (bundle.Value("RAUC_SLOT_rootfs") is not { } image || layer.Recipe(image) is null)
            problems.Add($"{relative}: RAUC_SLOT_rootfs names no image recipe of the layer");
        foreach (string v in new[] { "RAUC_BUNDLE_COMPATIBLE", "RAUC_KEY_FILE", "RAUC_CERT_FILE" })
        {
            if (string.IsNullOrWhiteSpace(bundle.Value(v)))
                problems.Add($"{relative}: {v} is not set");
        }
        return problems;
    }

    private static string? WksPath(LayerTree layer)
    {
        string? image = layer.Recipe("paging-image");
        string? name = image is null ? null : layer.Bitbake(image).Value("WKS_FILE");
        return name is not null && layer.Exists("files/wic/" + name) ? "files/wic/" + name : null;
    }
}
