using System.Net;
using System.Text;

namespace PagingServer.Sip.Tests.Agent;

/// <summary>Registration timing and digest details against a scripted registrar on loopback UDP, on a fake clock.</summary>
public sealed class ScriptedRegistrarTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(3);

    private sealed class Setup : IDisposable
    {
        public Setup(int expires = 3600)
        {
            Clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
            Registrar = new UdpPeer();
            Harness = new AgentHarness(new SipAgentOptions
            {
                Domain = $"127.0.0.1:{Registrar.Port}",
                User = "pager",
                Password = "pw",
                RegisterExpiresSeconds = expires,
                RegisterRetryBaseSeconds = 1,
            }, time: Clock);
        }

        public ManualTimeProvider Clock { get; }

        public UdpPeer Registrar { get; }

        public AgentHarness Harness { get; }

        public string NextRegister()
        {
            string? m = Registrar.ReceiveStarting("REGISTER ", Wait);
            Assert.NotNull(m);
            return m;
        }

        public void Answer(string request, string statusLine, string extra = "")
        {
            var sb = new StringBuilder("SIP/2.0 " + statusLine + "\r\n");
            foreach (string h in new[] { "Via", "From", "To", "Call-ID", "CSeq" })
            {
                sb.Append(h).Append(": ").Append(UdpPeer.Header(request, h)).Append(h == "To" ? ";tag=reg" : "").Append("\r\n");
            }
            sb.Append(extra).Append("Content-Length: 0\r\n\r\n");
            Registrar.Send(sb.ToString(), Registrar.LastSource!);
        }

        /// <summary>Moves the fake clock and lets the SIP loop run what fell due.</summary>
        public void Advance(double seconds)
        {
            Clock.Advance(TimeSpan.FromSeconds(seconds));
            Assert.True(Harness.Agent.Loop.InvokeAsync(() => true).Wait(Wait));
        }

        public bool Silent() => Registrar.ReceiveStarting("REGISTER ", TimeSpan.FromMilliseconds(150)) is null;

        public void Dispose()
        {
            Harness.Agent.Dispose();
            Registrar.Dispose();
        }
    }

    private const string Challenge = "WWW-Authenticate: Digest realm=\"test\", nonce=\"n1\", qop=\"auth\", algorithm=MD5\r\n";

    [Fact]
    public void Credentials_follow_a_challenge_and_the_refresh_comes_at_70_percent_with_the_next_nonce_count()
    {
        using var s = new Setup(expires: 100);
        string first = s.NextRegister();
        Assert.Equal("100", UdpPeer.Header(first, "Expires"));
        Assert.Contains(";rport", UdpPeer.Header(first, "Via"), StringComparison.Ordinal);
        s.Answer(first, "401 Unauthorized", Challenge);
        string second = s.NextRegister();
        string auth = UdpPeer.Header(second, "Authorization");
        Assert.Contains("nc=00000001", auth, StringComparison.Ordinal);
        Assert.Contains("username=\"pager\"", auth, StringComparison.Ordinal);
        Assert.Equal(UdpPeer.Header(first, "Call-ID"), UdpPeer.Header(second, "Call-ID"));
        s.Answer(second, "200 OK", $"Contact: <sip:pager@127.0.0.1:{s.Harness.EndPoint.Port}>;expires=100\r\n");
        Assert.True(s.Harness.WaitFor("registration Registered", Wait));

        s.Advance(69);
        Assert.True(s.Silent());
        s.Advance(1.5);
        string refresh = s.NextRegister();
        Assert.Contains("nc=00000002", UdpPeer.Header(refresh, "Authorization"), StringComparison.Ordinal);
        Assert.Contains("CSeq: 3 REGISTER", refresh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stale_nonce_is_answered_at_once_without_reporting_a_failure()
    {
        using var s = new Setup(expires: 100);
        string first = s.NextRegister();
        s.Answer(first, "401 Unauthorized", Challenge);
        string second = s.NextRegister();
        s.Answer(second, "401 Unauthorized", Challenge.Replace("n1\"", "n2\", stale=true", StringComparison.Ordinal));
        string third = s.NextRegister();
        string auth = UdpPeer.Header(third, "Authorization");
        Assert.Contains("nonce=\"n2\"", auth, StringComparison.Ordinal);
        Assert.Contains("nc=00000001", auth, StringComparison.Ordinal);
        s.Answer(third, "200 OK", "Expires: 100\r\n");
        Assert.True(s.Harness.WaitFor("registration Registered", Wait));
        Assert.DoesNotContain(s.Harness.Events, e => e.StartsWith("registration Failed", StringComparison.Ordinal));
    }

    [Fact]
    public void Interval_too_brief_raises_expires_to_min_expires()
    {
        using var s = new Setup(expires: 60);
        string first = s.NextRegister();
        s.Answer(first, "423 Interval Too Brief", "Min-Expires: 1800\r\n");
        string second = s.NextRegister();
        Assert.Equal("1800", UdpPeer.Header(second, "Expires"));
    }

    [Fact]
    public void Retry_after_is_honoured_and_without_it_the_backoff_doubles()
    {
        using var s = new Setup();
        s.Answer(s.NextRegister(), "503 Service Unavailable", "Retry-After: 7\r\n");
        Assert.True(s.Harness.WaitFor("registration Failed: 503 Service Unavailable (retry 7 s)", Wait), string.Join('\n', s.Harness.Events));
        s.Advance(6.9);
        Assert.True(s.Silent());
        s.Advance(0.2);
        s.Answer(s.NextRegister(), "500 Server Internal Error");
        Assert.True(s.Harness.WaitFor("registration Failed: 500 Server Internal Error (retry 2 s)", Wait)); // 1 s doubled
        s.Advance(1.9);
        Assert.True(s.Silent());
        s.Advance(0.2);
        s.Answer(s.NextRegister(), "403 Forbidden");
        Assert.True(s.Harness.WaitFor("registration Failed: 403 Forbidden: wrong user or password", Wait));
        Assert.Contains("(retry 4 s)", s.Harness.Events[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_unregisters_with_expires_zero_and_credentials()
    {
        using var s = new Setup(expires: 100);
        string first = s.NextRegister();
        s.Answer(first, "401 Unauthorized", Challenge);
        s.Answer(s.NextRegister(), "200 OK", "Expires: 100\r\n");
        Assert.True(s.Harness.WaitFor("registration Registered", Wait));
        var stop = s.Harness.Agent.StopAsync(TimeSpan.FromSeconds(5));
        string bye = s.NextRegister();
        Assert.Equal("0", UdpPeer.Header(bye, "Expires"));
        Assert.Contains("nc=00000002", UdpPeer.Header(bye, "Authorization"), StringComparison.Ordinal);
        s.Answer(bye, "200 OK");
        await stop.WaitAsync(Wait);
        Assert.Equal(SipRegistrationState.Unregistered, s.Harness.Agent.Registration.State);
    }
}
