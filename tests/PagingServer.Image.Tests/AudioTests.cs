using PagingServer.Image.Tests.Layer;

namespace PagingServer.Image.Tests;

public class AudioTests
{
    [Fact]
    public void Jackd_runs_on_an_alsa_device_at_a_fixed_rate_and_period()
    {
        Assert.Empty(LayerChecks.Jackd(LayerTree.Real));
    }

    [Fact]
    public void Jackd_check_fails_without_a_fixed_rate_or_period()
    {
        using LayerCopy copy = new LayerCopy().Edit(LayerChecks.JackUnit, " -r 48000 -p 256", "");
        List<string> problems = LayerChecks.Jackd(copy.Tree);
        Assert.Contains(problems, p => p.Contains("no fixed sample rate", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no fixed period", StringComparison.Ordinal));
    }

    [Fact]
    public void Jackd_check_fails_when_the_rate_differs_from_the_klaxon_cache()
    {
        using LayerCopy copy = new LayerCopy().Edit(LayerChecks.JackUnit, "-r 48000", "-r 44100");
        Assert.Contains(LayerChecks.Jackd(copy.Tree), p => p.Contains("PAGING_SAMPLE_RATE", StringComparison.Ordinal));
    }

    [Fact]
    public void Jackd_check_fails_on_a_device_alsa_does_not_know()
    {
        using LayerCopy copy = new LayerCopy().Edit(LayerChecks.JackUnit, "-P amp", "-P speakers");
        Assert.Contains(LayerChecks.Jackd(copy.Tree), p => p.Contains("'speakers'", StringComparison.Ordinal));
    }

    [Fact]
    public void Mpd_jack_output_matches_the_default_music_client_name()
    {
        Assert.Empty(LayerChecks.Mpd(LayerTree.Real));
    }

    [Fact]
    public void Mpd_check_fails_on_a_client_name_paging_would_not_take_as_music()
    {
        using LayerCopy copy = new LayerCopy().Edit(LayerChecks.MpdConf, "\"mpd.paging:music\"", "\"mpd:music\"");
        Assert.Contains(LayerChecks.Mpd(copy.Tree), p => p.Contains("does not match jack-music-client-name", StringComparison.Ordinal));
    }

    [Fact]
    public void Watchdog_drop_in_sets_runtime_watchdog_sec()
    {
        Assert.Empty(LayerChecks.Watchdog(LayerTree.Real));
    }

    [Fact]
    public void Watchdog_check_fails_when_the_watchdog_is_off()
    {
        using LayerCopy copy = new LayerCopy().Edit("recipes-paging/paging-system/files/10-paging-watchdog.conf", "RuntimeWatchdogSec=30s", "RuntimeWatchdogSec=0");
        Assert.NotEmpty(LayerChecks.Watchdog(copy.Tree));
    }
}
