using System.Net;

namespace PagingServer.Sip.Tests.Agent;

/// <summary>A started agent on 127.0.0.1 with a free port, recording its events and log lines.</summary>
internal sealed class AgentHarness : IDisposable
{
    private readonly List<string> _events = [];
    private readonly List<string> _log = [];

    public AgentHarness(SipAgentOptions? options = null, Action<SipCall>? onOffered = null, TimeProvider? time = null)
    {
        var o = options ?? new SipAgentOptions();
        Options = o with
        {
            BindAddress = o.BindAddress.Equals(IPAddress.Any) ? IPAddress.Loopback : o.BindAddress,
            Port = o.Port == SipAgentOptions.DefaultPort ? 0 : o.Port,
            TraceMessages = true,
        };
        Agent = new SipAgent(Options, time ?? TimeProvider.System, (level, line) => { lock (_log) { _log.Add($"{level}: {line}"); } });
        Agent.CallOffered += call =>
        {
            Add($"offered {call.Codec.EncodingName}");
            onOffered?.Invoke(call);
        };
        Agent.CallEnded += (call, reason) => Add($"ended {reason}");
        Agent.CallSessionChanged += (call, change) =>
        {
            if (change.HoldChanged)
                Add(call.OnHold ? "hold" : "resume");
            if (change.MediaMoved)
                Add($"moved {call.RemoteRtpAddress}:{call.RemoteRtpPort}");
        };
        Agent.RegistrationChanged += s => Add($"registration {s.State}" + (s.Reason.Length > 0 ? $": {s.Reason}" : "") + (s.RetryIn is { } r ? $" (retry {r.TotalSeconds} s)" : ""));
        Agent.Start();
    }

    public SipAgentOptions Options { get; }

    public SipAgent Agent { get; }

    public IPEndPoint EndPoint => Agent.LocalEndPoint;

    public List<string> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _log);
            }
        }
    }

    private void Add(string e)
    {
        lock (_events)
        {
            _events.Add(e);
        }
    }

    /// <summary>Waits (polling, real peers run in real time) until an event matching <paramref name="prefix"/> was recorded.</summary>
    public bool WaitFor(string prefix, TimeSpan timeout, int occurrence = 1)
    {
        var end = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < end)
        {
            if (Events.Count(e => e.StartsWith(prefix, StringComparison.Ordinal)) >= occurrence)
            {
                return true;
            }
            Thread.Sleep(20);
        }
        return false;
    }

    public void Dispose() => Agent.StopAsync(TimeSpan.FromSeconds(3)).GetAwaiter().GetResult();
}
