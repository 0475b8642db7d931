using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PagingServer.Sip.Transport;

namespace PagingServer.Sip.Tests.Transport;

public sealed class TransportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(3);

    private static string Options(int n) =>
        $"OPTIONS sip:a@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:1;branch=z9hG4bK{n}\r\nFrom: <sip:b@c>;tag=1\r\n"
        + $"To: <sip:a@127.0.0.1>\r\nCall-ID: t{n}\r\nCSeq: {n} OPTIONS\r\nContent-Length: 0\r\n\r\n";

    [Fact]
    public void Udp_delivers_datagrams_with_their_source_and_drops_tiny_ones()
    {
        using var transport = new UdpSipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        var got = new BlockingCollection<(string Text, IPEndPoint From)>();
        transport.Start(p => { got.Add((Encoding.UTF8.GetString(p.Data), p.Source)); p.Release(); });
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        client.SendTo("\r\n\r\n"u8.ToArray(), transport.LocalEndPoint);
        client.SendTo(Encoding.UTF8.GetBytes(Options(1)), transport.LocalEndPoint);
        Assert.True(got.TryTake(out var first, Wait));
        Assert.StartsWith("OPTIONS ", first.Text, StringComparison.Ordinal);
        Assert.Equal(client.LocalEndPoint, first.From);
        byte[] reply = Encoding.UTF8.GetBytes("SIP/2.0 200 OK\r\n\r\n");
        Assert.True(transport.Send(reply, first.From));
        var buffer = new byte[100];
        client.ReceiveTimeout = 3000;
        Assert.Equal(reply.Length, client.Receive(buffer));
    }

    [Fact]
    public void Tcp_frames_messages_split_and_joined_across_segments_and_answers_a_keep_alive()
    {
        using var transport = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        var got = new BlockingCollection<string>();
        transport.Start(p => { got.Add(Encoding.UTF8.GetString(p.Data)); p.Release(); });
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(transport.LocalEndPoint);
        byte[] two = Encoding.UTF8.GetBytes(Options(1) + Options(2));
        client.Send(two.AsSpan(0, 50));
        Thread.Sleep(50);
        client.Send(two.AsSpan(50));
        Assert.True(got.TryTake(out string? a, Wait));
        Assert.True(got.TryTake(out string? b, Wait));
        Assert.Contains("CSeq: 1 OPTIONS", a, StringComparison.Ordinal);
        Assert.Contains("CSeq: 2 OPTIONS", b, StringComparison.Ordinal);
        client.Send("\r\n\r\n"u8);
        var buffer = new byte[16];
        client.ReceiveTimeout = 3000;
        Assert.Equal(2, client.Receive(buffer)); // RFC 5626 pong
        // A response to the client goes back on its connection.
        Assert.True(transport.Send("SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n"u8, (IPEndPoint)client.LocalEndPoint!));
        var reply = new byte[100];
        Assert.True(client.Receive(reply) > 0);
        Assert.StartsWith("SIP/2.0 200 OK", Encoding.UTF8.GetString(reply), StringComparison.Ordinal);
    }
}
