using System.Net;
using System.Text;
using PagingServer.Sip.Transport;

namespace PagingServer.Sip.Tests.Transactions;

/// <summary>A transport that records what is sent; tests inject received packets themselves.</summary>
internal sealed class FakeTransport(bool reliable = false) : ISipTransport
{
    public List<(string Text, IPEndPoint To)> Sent { get; } = [];

    public SipTransportKind Kind => reliable ? SipTransportKind.Tcp : SipTransportKind.Udp;

    public bool IsReliable => reliable;

    public IPEndPoint LocalEndPoint { get; } = new(IPAddress.Loopback, 5070);

    public void Start(Action<SipPacket> onReceive)
    {
    }

    public bool Send(ReadOnlySpan<byte> message, IPEndPoint destination)
    {
        Sent.Add((Encoding.UTF8.GetString(message), destination));
        return true;
    }

    public void Dispose()
    {
    }
}
