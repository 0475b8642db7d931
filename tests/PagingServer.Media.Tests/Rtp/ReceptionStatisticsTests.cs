using PagingServer.Media.Rtp;

namespace PagingServer.Media.Tests.Rtp;

public class ReceptionStatisticsTests
{
    [Fact]
    public void Loss_and_the_extended_sequence_follow_a_16_bit_wrap()
    {
        var s = new ReceptionStatistics();
        for (int i = 0; i < 200; i++)
        {
            if (i % 10 != 5)
            {
                s.Update((ushort)(65500 + i));
            }
        }

        Assert.Equal(200, s.Expected);
        Assert.Equal(20, s.CumulativeLost);
        Assert.Equal((1u << 16) + 163u, s.ExtendedHighestSequence); // 65500 + 199 = 65699 = one wrap + 163
        // RFC 3550 A.3: 20 of 200 = 0.1 -> 25/256.
        Assert.Equal(25, s.TakeFractionLost());
        Assert.Equal(0, s.TakeFractionLost());
    }

    [Fact]
    public void A_late_packet_from_before_the_wrap_counts_without_moving_the_highest()
    {
        var s = new ReceptionStatistics();
        s.Update(65534);
        s.Update(0);
        s.Update(65535);
        Assert.Equal(1u << 16, s.ExtendedHighestSequence);
        Assert.Equal(0, s.CumulativeLost);
        Assert.Equal(65535, s.Extend(65535));
    }

    [Fact]
    public void Two_sequential_packets_after_a_big_jump_restart_the_counts()
    {
        var s = new ReceptionStatistics();
        s.Update(10);
        s.Update(11);
        Assert.Equal(-1, s.Update(20000));
        s.Update(20001);
        Assert.Equal(20001u, s.ExtendedHighestSequence);
        Assert.Equal(0, s.CumulativeLost);
    }

    [Fact]
    public void Jitter_follows_the_rfc3550_estimator()
    {
        var s = new ReceptionStatistics();
        // Packets every 160 units, arriving alternately 0 and 80 units late: |D| = 80 each time.
        for (int i = 0; i < 400; i++)
        {
            uint ts = (uint)(i * 160);
            s.UpdateJitter(ts + (uint)(i % 2 * 80), ts);
        }

        // J converges to the mean |D| = 80 (J += (|D| - J) / 16).
        Assert.InRange(s.Jitter, 78u, 80u);
    }
}
