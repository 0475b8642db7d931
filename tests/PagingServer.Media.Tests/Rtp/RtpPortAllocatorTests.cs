using System.Net;
using System.Net.Sockets;
using PagingServer.Media.Rtp;

namespace PagingServer.Media.Tests.Rtp;

public class RtpPortAllocatorTests
{
    [Fact]
    public void Pairs_are_even_with_rtcp_next_and_taken_ports_are_skipped()
    {
        var wide = new RtpPortAllocator(30001, 59999, IPAddress.Loopback);
        int port;
        using (RtpSocketPair probe = wide.TryAllocate()!)
        {
            port = probe.Port;
            Assert.Equal(0, port % 2);
            Assert.InRange(port, 30002, 59998); // the range starts at the first even port above 30001
        }

        // Someone else holds the first pair's RTCP port: the allocator moves to the next pair.
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, port + 1));
        var narrow = new RtpPortAllocator(port, port + 3, IPAddress.Loopback);
        Assert.Equal(2, narrow.Capacity);
        using RtpSocketPair? pair = narrow.TryAllocate();
        Assert.NotNull(pair);
        Assert.Equal(port + 2, pair.Port);
        // Both pairs are now taken (one by the squatter, one by us): the range is exhausted.
        RtpSocketPair? extra = narrow.TryAllocate();
        extra?.Dispose();
        Assert.Null(extra);
    }

    [Fact]
    public void A_range_without_a_pair_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtpPortAllocator(40001, 40002, IPAddress.Loopback));
}
