using PagingServer.Image.Tests.Layer;

namespace PagingServer.Image.Tests;

public class LayerConfTests
{
    [Fact]
    public void Layer_conf_declares_the_collection_for_the_wrynose_series()
    {
        Assert.Empty(LayerChecks.LayerConf(LayerTree.Real));
    }

    [Fact]
    public void Layer_conf_check_fails_on_another_series()
    {
        using LayerCopy copy = new LayerCopy().Edit("conf/layer.conf", "LAYERSERIES_COMPAT_paging = \"wrynose\"", "LAYERSERIES_COMPAT_paging = \"scarthgap\"");
        Assert.Contains(LayerChecks.LayerConf(copy.Tree), p => p.Contains("LAYERSERIES_COMPAT_paging", StringComparison.Ordinal));
    }

    [Fact]
    public void Layer_conf_check_fails_without_a_priority_or_dependencies()
    {
        using LayerCopy copy = new LayerCopy()
            .Edit("conf/layer.conf", "BBFILE_PRIORITY_paging = \"10\"", "")
            .Edit("conf/layer.conf", "LAYERDEPENDS_paging", "LAYERDEPENDS_other");
        List<string> problems = LayerChecks.LayerConf(copy.Tree);
        Assert.Contains(problems, p => p.Contains("BBFILE_PRIORITY_paging", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("LAYERDEPENDS_paging", StringComparison.Ordinal));
    }

    [Fact]
    public void Distro_uses_systemd_rauc_and_enforced_static_ids()
    {
        Assert.Empty(LayerChecks.Distro(LayerTree.Real));
    }

    [Fact]
    public void Distro_check_fails_when_a_user_may_get_a_dynamic_id()
    {
        using LayerCopy copy = new LayerCopy().Edit("conf/distro/paging-appliance.conf", "USERADD_ERROR_DYNAMIC = \"error\"", "USERADD_ERROR_DYNAMIC = \"warn\"");
        Assert.Contains(LayerChecks.Distro(copy.Tree), p => p.Contains("USERADD_ERROR_DYNAMIC", StringComparison.Ordinal));
    }

    [Fact]
    public void Distro_check_fails_when_the_distro_is_named_like_a_recipe()
    {
        using var copy = new LayerCopy();
        copy.Edit("conf/distro/paging-appliance.conf", "DISTRO = \"paging-appliance\"", "DISTRO = \"paging\"");
        File.Move(copy.Tree.PathOf("conf/distro/paging-appliance.conf"), copy.Tree.PathOf("conf/distro/paging.conf"));
        Assert.Contains(LayerChecks.Distro(copy.Tree), p => p.Contains("has the name of a recipe", StringComparison.Ordinal));
    }
}
