using PagingServer.Image.Tests.Layer;

namespace PagingServer.Image.Tests;

public class RecipeTests
{
    private const string SystemRecipe = "recipes-paging/paging-system/paging-system.bb";
    private const string Paging = "recipes-paging/paging/paging_1.0.bb";

    [Fact]
    public void Every_recipe_has_a_license_and_checksummed_sources()
    {
        Assert.Empty(LayerChecks.Licenses(LayerTree.Real));
    }

    [Fact]
    public void License_check_fails_without_the_license_checksum()
    {
        using LayerCopy copy = new LayerCopy().Edit(SystemRecipe, "LIC_FILES_CHKSUM", "# LIC_FILES_CHKSUM");
        Assert.Contains(LayerChecks.Licenses(copy.Tree), p => p.Contains("without LIC_FILES_CHKSUM", StringComparison.Ordinal));
    }

    [Fact]
    public void License_check_fails_on_a_remote_source_without_a_checksum()
    {
        using LayerCopy copy = new LayerCopy().Edit(SystemRecipe, "file://data.mount", "https://example.org/data.tar.gz file://data.mount");
        Assert.Contains(LayerChecks.Licenses(copy.Tree), p => p.Contains("without SRC_URI[sha256sum]", StringComparison.Ordinal));
    }

    [Fact]
    public void License_check_fails_on_a_local_file_that_is_not_there()
    {
        using LayerCopy copy = new LayerCopy().Edit(SystemRecipe, "file://data.mount", "file://data-missing.mount");
        Assert.Contains(LayerChecks.Licenses(copy.Tree), p => p.Contains("file://data-missing.mount", StringComparison.Ordinal));
    }

    [Fact]
    public void License_check_fails_on_an_append_that_overrides_the_license_or_pins_a_version()
    {
        using LayerCopy copy = new LayerCopy().Edit("recipes-multimedia/mpd/mpd_%.bbappend", "PACKAGECONFIG:append", "LICENSE = \"MIT\"\nPACKAGECONFIG:append");
        File.Move(copy.Tree.PathOf("recipes-multimedia/jack/jack_%.bbappend"), copy.Tree.PathOf("recipes-multimedia/jack/jack_1.9.22.bbappend"));
        List<string> problems = LayerChecks.Licenses(copy.Tree);
        Assert.Contains(problems, p => p.Contains("must not override LICENSE", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("jack_1.9.22.bbappend", StringComparison.Ordinal));
    }

    [Fact]
    public void Paging_recipe_maps_both_architectures_and_installs_binary_unit_config_and_cache()
    {
        Assert.Empty(LayerChecks.PagingRecipe(LayerTree.Real));
    }

    [Fact]
    public void Paging_recipe_check_fails_when_aarch64_is_not_mapped()
    {
        using LayerCopy copy = new LayerCopy().Edit(Paging, "PAGING_RID:aarch64 = \"linux-arm64\"", "");
        Assert.Contains(LayerChecks.PagingRecipe(copy.Tree), p => p.Contains("PAGING_RID:aarch64", StringComparison.Ordinal));
    }

    [Fact]
    public void Paging_recipe_check_fails_without_the_warm_cache_or_the_strip_exception()
    {
        using LayerCopy copy = new LayerCopy()
            .Edit(Paging, "--build-klaxon-cache", "--version")
            .Edit(Paging, "INSANE_SKIP:${PN} += \"already-stripped\"", "");
        List<string> problems = LayerChecks.PagingRecipe(copy.Tree);
        Assert.Contains(problems, p => p.Contains("--build-klaxon-cache", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("already-stripped", StringComparison.Ordinal));
    }

    [Fact]
    public void Paging_recipe_check_fails_when_the_user_is_not_in_group_audio()
    {
        using LayerCopy copy = new LayerCopy().Edit(Paging, "--gid audio paging", "--gid users paging");
        Assert.Contains(LayerChecks.PagingRecipe(copy.Tree), p => p.Contains("not audio", StringComparison.Ordinal));
    }

    [Fact]
    public void Health_gate_holds_boot_complete_until_paging_is_up()
    {
        Assert.Empty(LayerChecks.HealthGate(LayerTree.Real));
    }

    [Fact]
    public void Health_gate_check_fails_when_the_gate_is_not_required_by_boot_complete()
    {
        using LayerCopy copy = new LayerCopy().Edit("recipes-paging/paging/files/paging-healthy.service", "RequiredBy=boot-complete.target", "WantedBy=multi-user.target");
        Assert.Contains(LayerChecks.HealthGate(copy.Tree), p => p.Contains("RequiredBy", StringComparison.Ordinal));
    }
}
