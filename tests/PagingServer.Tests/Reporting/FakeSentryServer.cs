using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PagingServer.Tests.Reporting;

/// <summary>
/// A scripted HTTP/1.1 endpoint on 127.0.0.1 standing in for Sentry: records each request and
/// answers with the status and headers the test sets. It can be stopped and started again on
/// the same port to play a network outage.
/// </summary>
internal sealed class FakeSentryServer : IDisposable
{
    private TcpListener? listener;
    private CancellationTokenSource? cancel;

    public FakeSentryServer()
    {
        Port = FreePort.Tcp();
    }

    public int Port { get; }

    public List<(string Path, Dictionary<string, string> Headers, byte[] Body)> Requests { get; } = [];

    public int Status { get; set; } = 200;

    public Dictionary<string, string> ResponseHeaders { get; } = [];

    public string Dsn => $"http://publickey:oldsecret@127.0.0.1:{Port}/sentry/42";

    public void Start()
    {
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        cancel = new CancellationTokenSource();
        _ = AcceptLoop(listener, cancel.Token);
    }

    public void Stop()
    {
        cancel?.Cancel();
        listener?.Stop();
        listener = null;
    }

    public int Count
    {
        get
        {
            lock (Requests)
                return Requests.Count;
        }
    }

    public bool WaitForRequests(int count, TimeSpan timeout)
    {
        DateTime end = DateTime.UtcNow + timeout;
        while (Count < count && DateTime.UtcNow < end)
            Thread.Sleep(20);
        return Count >= count;
    }

    private async Task AcceptLoop(TcpListener server, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await server.AcceptTcpClientAsync(token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            using (client)
                await Serve(client.GetStream());
        }
    }

    private async Task Serve(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
                return;
            head.Add(one[0]);
        }
        string[] lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':');
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        var body = new byte[int.Parse(headers.GetValueOrDefault("Content-Length", "0"), System.Globalization.CultureInfo.InvariantCulture)];
        await stream.ReadExactlyAsync(body);
        lock (Requests)
            Requests.Add((lines[0].Split(' ')[1], headers, body));
        var response = new StringBuilder($"HTTP/1.1 {Status} X\r\nContent-Length: 2\r\nConnection: close\r\n");
        foreach (var (name, value) in ResponseHeaders)
            response.Append(name).Append(": ").Append(value).Append("\r\n");
        response.Append("\r\n{}");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response.ToString()));
    }

    public void Dispose() => Stop();
}
