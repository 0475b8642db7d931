using PagingServer.Image.Tests.Layer;

namespace PagingServer.Image.Tests;

public class KasTests
{
    private const string Kas = "kas/paging-x86-64.yml";

    [Fact]
    public void Kas_file_names_every_layer_the_layer_depends_on()
    {
        Assert.Empty(LayerChecks.Kas(LayerTree.Real));
    }

    [Fact]
    public void Kas_check_fails_without_meta_rauc()
    {
        using LayerCopy copy = new LayerCopy().Edit(Kas, "  meta-rauc:\n", "  other:\n");
        Assert.Contains(LayerChecks.Kas(copy.Tree), p => p.Contains("names rauc", StringComparison.Ordinal));
    }

    [Fact]
    public void Kas_check_fails_on_another_release_branch_or_without_this_layer()
    {
        using LayerCopy copy = new LayerCopy()
            .Edit(Kas, "url: https://git.openembedded.org/meta-openembedded\n    branch: wrynose", "url: https://git.openembedded.org/meta-openembedded\n    branch: scarthgap")
            .Edit(Kas, "      yocto-layer:\n", "      other-layer:\n");
        List<string> problems = LayerChecks.Kas(copy.Tree);
        Assert.Contains(problems, p => p.Contains("branch scarthgap", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("does not include yocto-layer", StringComparison.Ordinal));
    }
}
