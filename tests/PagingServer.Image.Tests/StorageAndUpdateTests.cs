using PagingServer.Image.Tests.Layer;

namespace PagingServer.Image.Tests;

public class StorageAndUpdateTests
{
    private const string Wks = "files/wic/paging-sdcard.wks";
    private const string SystemConf = "recipes-core/rauc/files/system.conf";

    [Fact]
    public void Kickstart_has_two_root_slots_and_a_data_partition()
    {
        Assert.Empty(LayerChecks.Wks(LayerTree.Real));
    }

    [Fact]
    public void Kickstart_check_fails_with_one_root_slot()
    {
        string text = LayerTree.Real.Text(Wks);
        string slotB = text.Split('\n').Single(l => l.Contains("--part-name rootfs_b", StringComparison.Ordinal));
        using LayerCopy copy = new LayerCopy().Edit(Wks, slotB, "");
        Assert.Contains(LayerChecks.Wks(copy.Tree), p => p.Contains("1 root partitions", StringComparison.Ordinal));
    }

    [Fact]
    public void Kickstart_check_fails_when_data_is_filled_from_the_image()
    {
        using LayerCopy copy = new LayerCopy().Edit(Wks, "part /data --ondisk", "part /data --source rootfs --ondisk");
        List<string> problems = LayerChecks.Wks(copy.Tree);
        Assert.Contains(problems, p => p.Contains("/data must be an empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Rauc_slots_match_the_kickstart_grub_and_the_bundle()
    {
        Assert.Empty(LayerChecks.Rauc(LayerTree.Real));
        Assert.Empty(LayerChecks.Bundle(LayerTree.Real));
    }

    [Fact]
    public void Rauc_check_fails_when_a_slot_names_no_partition_of_the_kickstart()
    {
        using LayerCopy copy = new LayerCopy().Edit(SystemConf, "device=/dev/disk/by-partlabel/rootfs_b", "device=/dev/mmcblk0p7");
        Assert.Contains(LayerChecks.Rauc(copy.Tree), p => p.Contains("is not a root partition", StringComparison.Ordinal));
    }

    [Fact]
    public void Rauc_check_fails_on_duplicate_boot_names_or_another_compatible()
    {
        using LayerCopy copy = new LayerCopy()
            .Edit(SystemConf, "bootname=B", "bootname=A")
            .Edit(SystemConf, "compatible=paging-appliance-x86-64", "compatible=other-product");
        List<string> problems = LayerChecks.Rauc(copy.Tree);
        Assert.Contains(problems, p => p.Contains("not A and B", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("compatible is 'other-product'", StringComparison.Ordinal));
    }

    [Fact]
    public void Rauc_check_fails_when_grub_boots_a_slot_under_the_wrong_name()
    {
        using LayerCopy copy = new LayerCopy().Edit("files/wic/paging-grub.cfg", "rauc.slot=B", "rauc.slot=A");
        Assert.Contains(LayerChecks.Rauc(copy.Tree), p => p.Contains("rauc.slot=B", StringComparison.Ordinal));
    }

    [Fact]
    public void Rauc_check_fails_when_a_slot_could_wait_for_its_root_for_ever_or_stop_at_a_panic()
    {
        using LayerCopy copy = new LayerCopy()
            .Edit("files/wic/paging-grub.cfg", "rootfs_a rootwait=30", "rootfs_a rootwait")
            .Edit("files/wic/paging-grub.cfg", "rootfs_b rootwait=30 panic=10", "rootfs_b rootwait=30");
        List<string> problems = LayerChecks.Rauc(copy.Tree);
        Assert.Contains(problems, p => p.Contains("rootfs_a waits for its root device without a bound", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("rootfs_b has no panic=", StringComparison.Ordinal));
    }

    [Fact]
    public void Bundle_check_fails_without_a_signing_key()
    {
        using LayerCopy copy = new LayerCopy().Edit("recipes-core/bundles/paging-bundle.bb", "RAUC_KEY_FILE =", "# RAUC_KEY_FILE =");
        Assert.Contains(LayerChecks.Bundle(copy.Tree), p => p.Contains("RAUC_KEY_FILE", StringComparison.Ordinal));
    }

    [Fact]
    public void Data_and_efi_mount_units_name_partitions_of_the_kickstart()
    {
        LayerTree layer = LayerTree.Real;
        var names = Kickstart.Partitions(layer.Text(Wks)).Select(p => p.PartName).ToList();
        foreach (string unit in new[] { "data.mount", "efi.mount" })
        {
            string what = IniFile.Parse(layer.Text("recipes-paging/paging-system/files/" + unit)).Get("Mount", "What") ?? "";
            Assert.StartsWith(LayerChecks.PartLabelPrefix, what);
            Assert.Contains(what[LayerChecks.PartLabelPrefix.Length..], names);
        }
    }
}
