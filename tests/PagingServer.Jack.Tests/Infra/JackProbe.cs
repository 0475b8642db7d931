using PagingServer.Jack.Interop;

namespace PagingServer.Jack.Tests.Infra;

/// <summary>A passive test client for asking JACK about ports and connections.</summary>
internal sealed class JackProbe : IDisposable
{
    private readonly JackClientSafeHandle _client;

    internal JackProbe(string server)
    {
        _client = TestClient.Open("probe", server, "probe");
    }

    internal string[] Connections(string port)
    {
        var p = Libjack.jack_port_by_name(_client, port);
        return p == 0 ? [] : JackStrings.TakeList(Libjack.jack_port_get_all_connections(_client, p));
    }

    internal string[] Ports(string? pattern = null) => JackStrings.TakeList(Libjack.jack_get_ports(_client, pattern, null, 0));

    /// <summary>Polls until <paramref name="condition"/> holds; returns the time it took, or
    /// fails after <paramref name="timeout"/>.</summary>
    internal static TimeSpan WaitFor(Func<bool> condition, TimeSpan timeout, string what)
    {
        var start = Environment.TickCount64;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 - start < timeout.TotalMilliseconds, $"timed out waiting for {what}");
            Thread.Sleep(10);
        }

        return TimeSpan.FromMilliseconds(Environment.TickCount64 - start);
    }

    /// <summary>Forgets the client without closing it (its server died; see JackRecorder.Abandon).</summary>
    internal void Abandon() => _client.SetHandleAsInvalid();

    public void Dispose()
    {
        if (!_client.IsInvalid)
        {
            _client.Dispose();
        }
    }
}
