using PagingServer.Jack.Interop;

namespace PagingServer.Jack.Tests.Infra;

/// <summary>Opens an in-process test client, retrying briefly.</summary>
internal static class TestClient
{
    /// <summary>
    /// After a jackd was killed, the first client this process opens fails while libjack frees
    /// what the dead server left behind; the next attempt succeeds.
    /// </summary>
    internal static JackClientSafeHandle Open(string prefix, string server, string role)
    {
        long until = Environment.TickCount64 + 5_000;
        while (true)
        {
            var client = JackClientSafeHandle.Open(Tools.UniqueName(prefix), server, startServer: false, out var status);
            if (!client.IsInvalid)
                return client;
            client.Dispose();
            Assert.True(Environment.TickCount64 < until, $"{role} cannot open a client: 0x{(int)status:x}");
            Thread.Sleep(50);
        }
    }
}
