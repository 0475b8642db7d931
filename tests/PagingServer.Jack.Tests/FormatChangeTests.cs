using PagingServer.Jack.Tests.Infra;

namespace PagingServer.Jack.Tests;

public class FormatChangeTests
{
    [Fact]
    public void A_new_jack_period_is_followed_and_calls_keep_playing()
    {
        using var h = new EngineHarness(o => o with { VolumeCall = 0.5f });
        using var stream = h.Engine.OpenCallStream()!;
        using var pump = new TonePump(stream, Tone.Sine(1000, 1.0, 480));
        Assert.Equal(JackServer.Period, h.Engine.BufferSize);
        Tools.Run("jack_bufsize", ["1024"], TimeSpan.FromSeconds(10), h.Server.ClientEnv);
        JackProbe.WaitFor(() => h.Engine.BufferSize == 1024, TimeSpan.FromSeconds(3), "the engine to see period 1024");
        Thread.Sleep(300);
        var rec = h.Recorder.Record(TimeSpan.FromMilliseconds(500));
        var (amplitude, rms, _) = Tone.Windows(rec[0], 1000); // 10 periods a window
        var purity = amplitude / Math.Sqrt(2) / rms;
        Assert.InRange(amplitude, 0.48, 0.52);
        Assert.True(purity > 0.99, $"purity {purity:F4}");
        Assert.Equal(0, stream.Overruns);
    }
}
