namespace PagingServer.Jack.Tests;

public class RoutingRulesTests
{
    private static readonly string[] Physical = ["system:playback_1", "system:playback_2", "system:playback_3", "hdmi:out_left"];

    [Theory]
    [InlineData("", "system:playback_1 system:playback_2 system:playback_3 hdmi:out_left")]
    [InlineData("2", "system:playback_2")]
    [InlineData("3 1", "system:playback_1 system:playback_3")]
    [InlineData("1,hdmi", "system:playback_1 hdmi:out_left")]
    [InlineData("playback_[23]$", "system:playback_2 system:playback_3")]
    [InlineData("9", "")]
    public void Speakers_are_picked_by_number_or_regex_in_jack_order(string spec, string expected) =>
        Assert.Equal(expected, string.Join(' ', SpeakerSelection.Select(Physical, spec)));

    [Fact]
    public void Default_music_regex_takes_the_short_name_from_group_1()
    {
        var links = new MusicLinks(JackEngineOptions.DefaultMusicClientName, JackEngineOptions.DefaultMusicLinks);
        Assert.Equal("test:left", links.ShortName("mpd.paging:test:left"));
        Assert.Null(links.ShortName("mpd.other:test:left"));
    }

    [Fact]
    public void Default_links_send_left_to_the_first_speaker_and_right_to_the_second()
    {
        var links = new MusicLinks(JackEngineOptions.DefaultMusicClientName, JackEngineOptions.DefaultMusicLinks);
        var plan = links.Plan(["mpd.paging:a:left", "mpd.paging:a:right", "system:capture_1"], ["system:playback_1", "system:playback_2"], ["pg:music_1", "pg:music_2"]);
        Assert.Equal([("mpd.paging:a:left", "pg:music_1"), ("mpd.paging:a:right", "pg:music_2")], plan.OrderBy(p => p.Source));
    }

    [Fact]
    public void An_empty_speaker_side_links_a_source_to_every_speaker_and_splits_at_the_first_separator()
    {
        var links = new MusicLinks("^radio:(.*)$", "mono--- x---a---b");
        var plan = links.Plan(["radio:mono", "radio:x"], ["s:a---b", "s:c"], ["pg:music_1", "pg:music_2"]);
        Assert.Equal(
            [("radio:mono", "pg:music_1"), ("radio:mono", "pg:music_2"), ("radio:x", "pg:music_1")],
            plan.OrderBy(p => p.Source).ThenBy(p => p.Input));
    }
}
