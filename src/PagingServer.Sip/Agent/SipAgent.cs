using System.Net;
using PagingServer.Sip.Transactions;
using PagingServer.Sip.Transport;
using PagingServer.Sip.Validation;

namespace PagingServer.Sip;

/// <summary>
/// The paging user agent: transport, transactions, registration and auto-answered incoming
/// calls. All SIP state lives on one thread (<see cref="Loop"/>); events are raised on that thread
/// and must return quickly; the application answers, rejects and hangs up from any thread.
/// </summary>
public sealed partial class SipAgent : IDisposable
{
    private readonly Action<SipLogLevel, string> _log;
    private readonly Dictionary<string, SipCall> _calls = new(StringComparer.Ordinal);
    private ISipTransport? _transport;
    private SipTransactionLayer? _layer;
    private SipRegistration? _registration;
    private SipAccessList _access = SipAccessList.Build([]);
    private IPEndPoint? _proxy;
    private IPEndPoint? _registrar;
    private bool _stopped;
    private int _stopRequested;

    /// <summary>Creates the agent; nothing is bound until <see cref="Start"/>.</summary>
    public SipAgent(SipAgentOptions options, TimeProvider? time = null, Action<SipLogLevel, string>? log = null)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _log = log ?? ((_, _) => { });
        Loop = new SipLoop(time ?? TimeProvider.System, _log);
        Capabilities = new UasCapabilities();
    }

    /// <summary>The configuration (replaced by <see cref="ReconfigureAsync"/>, on the SIP thread).</summary>
    public SipAgentOptions Options { get; private set; }

    /// <summary>The SIP thread.</summary>
    public SipLoop Loop { get; }

    /// <summary>Methods, option tags and content types we serve.</summary>
    public UasCapabilities Capabilities { get; }

    /// <summary>The bound address and port (after <see cref="Start"/>).</summary>
    public IPEndPoint LocalEndPoint => _transport?.LocalEndPoint ?? throw new InvalidOperationException("not started");

    /// <summary>A new call rang: 180 was sent; answer or reject it (from any thread, whenever the application wants).</summary>
    public event Action<SipCall>? CallOffered;

    /// <summary>A call ended (BYE, CANCEL, hang-up, missing ACK, shutdown). Raised once per call.</summary>
    public event Action<SipCall, SipCallEndReason>? CallEnded;

    /// <summary>
    /// A re-INVITE changed the call's session: hold or resume, a moved media address, a new
    /// session description. Read the call's <see cref="SipCall.OnHold"/> and remote RTP address for the new state.
    /// </summary>
    public event Action<SipCall, SipSessionChange>? CallSessionChanged;

    /// <summary>Registration state changed.</summary>
    public event Action<SipRegistrationStatus>? RegistrationChanged;

    /// <summary>The current registration state (Unregistered in listen-only mode).</summary>
    public SipRegistrationStatus Registration => _registration?.Status ?? SipRegistrationStatus.Unregistered;

    /// <summary>
    /// Binds the transport, resolves the registrar, proxy and allow-from names, starts the SIP thread and
    /// registers (when a domain is set). Throws <see cref="System.Net.Sockets.SocketException"/> when the port cannot be bound.
    /// </summary>
    public void Start()
    {
        var bind = new IPEndPoint(Options.BindAddress, Options.Port);
        _transport = Options.Transport == SipTransportKind.Tcp ? new TcpSipTransport(bind, _log) : new UdpSipTransport(bind, _log);
        _layer = new SipTransactionLayer(Loop, _transport, Options.Timers, _log, Options.TraceMessages)
        {
            ServerHeader = Options.UserAgent,
            RequestReceived = OnRequest,
        };
        _proxy = Options.Proxy.Length > 0 ? SipAddressing.Resolve(Options.Proxy, _log) : null;
        // With an outbound proxy every request goes there, so the domain need not resolve here.
        _registrar = Options.Domain.Length > 0 && _proxy is null ? SipAddressing.Resolve(Options.Domain, _log) : null;
        ReloadAccessList();
        Loop.Start();
        var layer = _layer;
        _transport.Start(p =>
        {
            if (!Loop.Post(() => layer.Receive(p)))
            {
                p.Release(); // stopping: the packet is dropped
            }
        });
        _log(SipLogLevel.Info, $"SIP listening on {Options.Transport.ToString().ToUpperInvariant()} {_transport.LocalEndPoint}");
        Loop.Post(StartRegistration);
    }

    /// <summary>On the SIP thread: registers with the current options, when a domain is set.</summary>
    private void StartRegistration()
    {
        if (_stopped || Options.Domain.Length == 0)
        {
            return;
        }
        var registration = new SipRegistration(this, Options, _registrar, _proxy);
        registration.Changed += s =>
        {
            if (ReferenceEquals(registration, _registration))
            {
                RegistrationChanged?.Invoke(s);
            }
        };
        _registration = registration;
        registration.Start();
    }

    /// <summary>Resolves allow-from host names again (and the registrar's and proxy's addresses stay allowed).</summary>
    public void ReloadAccessList()
    {
        var entries = new List<string>(Options.AllowFrom);
        if (_registrar is not null)
        {
            entries.Add(_registrar.Address.ToString());
        }
        if (_proxy is not null)
        {
            entries.Add(_proxy.Address.ToString());
        }
        var list = SipAccessList.Build(entries);
        foreach (string bad in list.Unresolved)
        {
            _log(SipLogLevel.Warning, $"allow-from entry '{bad}' is not an address, network or resolvable host name");
        }
        Loop.Post(() => _access = list);
    }

    /// <summary>Hangs up every call, unregisters (waiting at most <paramref name="timeout"/>), and closes the transport.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_layer is null || Interlocked.Exchange(ref _stopRequested, 1) == 1)
        {
            return;
        }
        var unregistered = await Loop.InvokeAsync(() =>
        {
            _stopped = true;
            foreach (var call in _calls.Values.ToArray())
            {
                HangupCall(call, SipCallEndReason.Shutdown);
            }
            return _registration?.Unregister() ?? Task.CompletedTask;
        }).ConfigureAwait(false);
        await Task.WhenAny(unregistered, Task.Delay(timeout)).ConfigureAwait(false);
        await Loop.InvokeAsync(() =>
        {
            _registration?.Stop();
            _layer.AbortAll();
            return true;
        }).ConfigureAwait(false);
        Dispose();
    }

    /// <summary>Closes the transport and the SIP thread without signalling.</summary>
    public void Dispose()
    {
        _transport?.Dispose();
        Loop.Dispose();
    }

    internal SipTransactionLayer Layer => _layer ?? throw new InvalidOperationException("not started");

    internal Action<SipLogLevel, string> Log => _log;

    internal IPEndPoint? OutboundProxy => _proxy;

    internal void RaiseEnded(SipCall call, SipCallEndReason reason)
    {
        if (call.State == SipCallState.Ended)
        {
            return;
        }
        call.SetState(SipCallState.Ended);
        call.StopTimers();
        _calls.Remove(call.DialogKey);
        _log(SipLogLevel.Info, $"{call} ended ({reason})");
        CallEnded?.Invoke(call, reason);
    }

    private void RaiseOffered(SipCall call) => CallOffered?.Invoke(call);

    private void RaiseSessionChanged(SipCall call, SipSessionChange change) => CallSessionChanged?.Invoke(call, change);
}
