using PagingServer.Image.Tests.Layer;

namespace PagingServer.Image.Tests;

public class StaticIdTests
{
    [Fact]
    public void Every_system_user_and_group_of_the_image_has_a_static_id()
    {
        Assert.Empty(LayerChecks.StaticIds(LayerTree.Real));
    }

    [Fact]
    public void The_paging_user_is_created_in_group_audio_with_the_audio_gid()
    {
        LayerTree layer = LayerTree.Real;
        UserAdd paging = Assert.Single(LayerChecks.UserAdds(layer), u => u.Name == "paging");
        Assert.Equal("audio", paging.PrimaryGroup);
        string[] user = layer.Text("files/passwd").Split('\n').Single(l => l.StartsWith("paging:", StringComparison.Ordinal)).Split(':');
        string[] audio = layer.Text("files/group").Split('\n').Single(l => l.StartsWith("audio:", StringComparison.Ordinal)).Split(':');
        Assert.Equal(audio[2], user[3]);
    }

    [Fact]
    public void Static_id_check_fails_when_a_layer_user_is_missing_from_the_table()
    {
        using LayerCopy copy = new LayerCopy().Edit("files/passwd", "jackd:x:802:29:JACK audio server:/nonexistent:/sbin/nologin\n", "");
        Assert.Contains(LayerChecks.StaticIds(copy.Tree), p => p.Contains("user jackd has no static ID", StringComparison.Ordinal));
    }

    [Fact]
    public void Static_id_check_fails_when_an_upstream_user_is_missing_or_ids_repeat()
    {
        using LayerCopy copy = new LayerCopy()
            .Edit("files/passwd", "mpd:x:803:803:Music Player Daemon:/var/lib/mpd:/sbin/nologin\n", "")
            .Edit("files/group", "kvm:x:817:", "kvm:x:816:");
        List<string> problems = LayerChecks.StaticIds(copy.Tree);
        Assert.Contains(problems, p => p.Contains("lacks mpd", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("gid 816 is given twice", StringComparison.Ordinal));
    }
}
