using System.Net;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;
using PagingServer.Sip.Transactions;

namespace PagingServer.Sip;

/// <summary>
/// Keeps our binding at the registrar (RFC 3261 10.2): REGISTER with digest answers (22.2),
/// refresh at 70% of the granted lifetime, retries with a doubling back-off (or Retry-After),
/// 423 Interval Too Brief raises Expires to Min-Expires (10.2.8), Expires: 0 on shutdown (10.2.2).
/// Runs on the SIP loop.
/// </summary>
internal sealed partial class SipRegistration
{
    private const double RefreshFraction = 0.7;
    private readonly SipAgent _agent;
    private readonly SipAgentOptions _options;
    private readonly IPEndPoint? _proxy;
    private readonly string _callId;
    private readonly string _fromTag = SipIds.NewTag();
    private IPEndPoint? _registrar;
    private uint _cseq;
    private int _expires;
    private int _failures;
    private int _intervalTooBrief;
    private SipTimer? _timer;
    private TaskCompletionSource? _unregistered;
    private bool _everRegistered;
    private bool _stopped;

    /// <summary>A registration keeps the settings it began with: after a reload its un-REGISTER
    /// still goes to the old registrar with the old credentials while a new one starts.</summary>
    public SipRegistration(SipAgent agent, SipAgentOptions options, IPEndPoint? registrar, IPEndPoint? proxy)
    {
        _agent = agent;
        _options = options;
        _registrar = registrar;
        _proxy = proxy;
        _expires = Math.Max(options.RegisterExpiresSeconds, 1);
        _callId = SipIds.NewCallId("paging"); // one Call-ID for all registrations (10.2.4)
    }

    public SipRegistrationStatus Status { get; private set; } = SipRegistrationStatus.Unregistered;

    public event Action<SipRegistrationStatus>? Changed;

    private SipAgentOptions Options => _options;

    private string RequestUri => "sip:" + Options.Domain;

    private string AddressOfRecord => "sip:" + Options.User + "@" + Options.Domain;

    /// <summary>Starts a registration attempt (initial, refresh or retry).</summary>
    public void Start()
    {
        if (_stopped || _unregistered is not null)
        {
            return;
        }
        _timer?.Dispose();
        BeginAttempt();
        if (Status.State != SipRegistrationState.Registered)
        {
            SetStatus(new SipRegistrationStatus(SipRegistrationState.Registering));
        }
        Send(_expires);
    }

    /// <summary>Sends Expires: 0 if we were ever registered; the task ends on the answer or a timeout.</summary>
    public Task Unregister()
    {
        _timer?.Dispose();
        if (!_everRegistered || _unregistered is not null)
        {
            SetStatus(SipRegistrationStatus.Unregistered);
            return _unregistered?.Task ?? Task.CompletedTask;
        }
        _unregistered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        BeginAttempt();
        Send(0);
        return _unregistered.Task;
    }

    public void Stop()
    {
        _stopped = true;
        _timer?.Dispose();
        _unregistered?.TrySetResult();
    }

    private void Send(int expires)
    {
        var destination = _proxy ?? (_registrar ??= SipAddressing.Resolve(Options.Domain, _agent.Log));
        if (destination is null)
        {
            Fail($"cannot resolve the domain '{Options.Domain}'", null);
            return;
        }
        _cseq++;
        byte[] request = BuildRegister(destination, expires);
        _agent.Layer.SendRequest(request, destination, r => OnResponse(r, expires), () => Fail($"no answer from {destination}", null));
    }

    private void OnResponse(SipMessage response, int expires)
    {
        int code = response.StatusCode;
        if (code < 200)
        {
            return;
        }
        if (code < 300)
        {
            OnSuccess(response, expires);
            return;
        }
        if (code is 401 or 407)
        {
            if (TakeChallenge(response, out string problem))
            {
                Send(expires);
            }
            else
            {
                Fail(problem, RetryAfter(response));
            }
            return;
        }
        if (code == 423 && _intervalTooBrief++ < 3 && TryMinExpires(response, out int min))
        {
            _expires = Math.Max(min, _expires);
            _agent.Log(SipLogLevel.Info, $"registrar wants at least {min} s (423): asking for {_expires} s");
            Send(_expires);
            return;
        }
        string reason = code == 403
            ? "403 Forbidden: wrong user or password, or not allowed to register"
            : $"{code} {System.Text.Encoding.UTF8.GetString(response.ReasonPhrase)}";
        Fail(reason, RetryAfter(response));
    }

    private void OnSuccess(SipMessage response, int expires)
    {
        if (expires == 0 || _unregistered is not null)
        {
            _agent.Log(SipLogLevel.Info, $"unregistered {AddressOfRecord}");
            SetStatus(SipRegistrationStatus.Unregistered);
            _unregistered?.TrySetResult();
            return;
        }
        int granted = GrantedExpires(response, expires);
        _failures = 0;
        _everRegistered = true;
        var wasRegistered = Status.State == SipRegistrationState.Registered;
        SetStatus(new SipRegistrationStatus(SipRegistrationState.Registered, "", granted));
        if (!wasRegistered)
        {
            _agent.Log(SipLogLevel.Info, $"registered as {AddressOfRecord} for {granted} s");
        }
        var refresh = TimeSpan.FromSeconds(Math.Max(1, granted * RefreshFraction));
        _timer = _agent.Loop.Schedule(refresh, Start);
    }

    private void Fail(string reason, TimeSpan? retryAfter)
    {
        if (_unregistered is not null)
        {
            SetStatus(SipRegistrationStatus.Unregistered);
            _unregistered.TrySetResult();
            return;
        }
        if (_stopped)
        {
            return;
        }
        _failures++;
        double backoff = Math.Min(Options.RegisterRetryBaseSeconds * Math.Pow(2, _failures - 1), Options.RegisterRetryMaxSeconds);
        var delay = retryAfter ?? TimeSpan.FromSeconds(Math.Max(backoff, 1));
        SetStatus(new SipRegistrationStatus(SipRegistrationState.Failed, reason, 0, delay));
        _agent.Log(SipLogLevel.Warning, $"registration as {AddressOfRecord} failed: {reason}; retry in {delay.TotalSeconds:0} s");
        _timer?.Dispose();
        _timer = _agent.Loop.Schedule(delay, Start);
    }

    private void SetStatus(SipRegistrationStatus status)
    {
        if (status == Status)
        {
            return;
        }
        Status = status;
        Changed?.Invoke(status);
    }

    private static TimeSpan? RetryAfter(SipMessage response) =>
        response.TryGetRetryAfter(out uint s) && s > 0 ? TimeSpan.FromSeconds(s) : null;

    private static bool TryMinExpires(SipMessage response, out int seconds)
    {
        seconds = 0;
        return response.TryGet("Min-Expires"u8, out var v) && Text.SipChars.TryParseInt(Text.SipChars.Trim(v), int.MaxValue, out seconds) && seconds > 0;
    }

    // 10.2.4: the registrar lists every binding with its expires; ours is the one with our port.
    private int GrantedExpires(SipMessage response, int asked)
    {
        string port = ":" + _agent.LocalEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (int i = 0; i < response.Count(SipHeaderId.Contact); i++)
        {
            var contact = response.Contact(i);
            if (System.Text.Encoding.UTF8.GetString(contact.UriText).Contains(port, StringComparison.Ordinal)
                && contact.TryGetParameter("expires"u8, out var e) && Text.SipChars.TryParseInt(e, int.MaxValue, out int n))
            {
                return n;
            }
        }
        return response.TryGetExpires(out uint s) ? (int)Math.Min(s, int.MaxValue) : asked;
    }
}
