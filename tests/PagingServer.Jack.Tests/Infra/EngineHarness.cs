using System.Collections.Concurrent;

namespace PagingServer.Jack.Tests.Infra;

/// <summary>A private jackd, an engine on it and a recorder on every paging output.</summary>
internal sealed class EngineHarness : IDisposable
{
    internal EngineHarness(Func<JackEngineOptions, JackEngineOptions>? configure = null, bool record = true, bool realtime = false, int extraChannels = 0)
    {
        Server = new JackServer(realtime);
        var options = new JackEngineOptions { ClientName = Tools.UniqueName("pg"), ServerName = Server.Name };
        Options = configure is null ? options : configure(options);
        Engine = new JackEngine(Options, Log.Enqueue);
        Engine.Start();
        Assert.True(Engine.WaitConnected(TimeSpan.FromSeconds(5)), "engine did not connect: " + string.Join('\n', Log));
        if (record)
        {
            Recorder = new JackRecorder(Server.Name, Engine.OutputPorts.Count + extraChannels);
            for (var i = 0; i < Engine.OutputPorts.Count; i++)
            {
                Recorder.Connect(i, Engine.OutputPorts[i]);
            }
        }
    }

    internal JackServer Server { get; }

    internal JackEngineOptions Options { get; }

    internal JackEngine Engine { get; }

    /// <summary>Records every paging output (null when the harness was made without one).</summary>
    internal JackRecorder Recorder { get; } = null!;

    internal ConcurrentQueue<string> Log { get; } = new();

    public void Dispose()
    {
        Recorder?.Dispose();
        Engine.Dispose();
        Server.Dispose();
    }
}

/// <summary>Feeds a call stream from its own thread at real-time pace, as an RTP receiver would.</summary>
internal sealed class TonePump : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;

    internal TonePump(CallStream stream, float[] loop, int chunk = 480, int keepBuffered = 4800)
    {
        _thread = new Thread(() =>
        {
            var pos = 0;
            var buf = new float[chunk];
            while (!_stop)
            {
                if (stream.Buffered >= keepBuffered)
                {
                    Thread.Sleep(2);
                    continue;
                }

                for (var i = 0; i < chunk; i++)
                {
                    buf[i] = loop[pos];
                    pos = (pos + 1) % loop.Length;
                }

                stream.Write(buf);
            }
        })
        { IsBackground = true, Name = "tone-pump" };
        _thread.Start();
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }
}
