using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PagingServer.Sip.Auth;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;
using PagingServer.Sip.Sdp;
using PagingServer.Sip.Validation;
using PagingServer.Sip.Writer;
using Xunit.Abstractions;

namespace PagingServer.Sip.Tests.Peers;

// sipp (a real, independent SIP implementation) calls a minimal UAS made of this library's
// parser, checks, SDP negotiation, digest verification and writer over a loopback UDP socket.
public sealed class SippCallTests(ITestOutputHelper output)
{
    private static readonly SdpCodec[] Codecs = [SdpCodec.Parse("PCMA/8000"), SdpCodec.Parse("PCMU/8000")];
    private const string Realm = "paging.test";
    private const string Password = "s3cret-pager"; // sipp cuts [authentication] passwords at a space

    [Fact]
    public async Task Sipp_uac_completes_a_call_against_messages_built_by_this_library()
    {
        var seen = await RunAsync(["-sn", "uac"], requireAuth: false);
        Assert.Equal(["INVITE", "ACK", "BYE"], seen);
    }

    [Fact]
    public async Task Sipp_answers_our_digest_challenge_and_we_verify_its_credentials()
    {
        string dir = Directory.CreateTempSubdirectory("sip-sipp-").FullName;
        try
        {
            string scenario = Path.Combine(dir, "uac_auth.xml");
            await File.WriteAllTextAsync(scenario, SippAuthScenario.Xml("pager", Password));
            var seen = await RunAsync(["-sf", scenario], requireAuth: true);
            Assert.Equal(["INVITE 401", "ACK", "INVITE verified", "ACK", "BYE"], seen);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private async Task<List<string>> RunAsync(string[] scenarioArgs, bool requireAuth)
    {
        string sipp = FindTool("sipp");
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.ReceiveTimeout = 500;
        int ourPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
        var psi = new ProcessStartInfo(sipp) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] args = [$"127.0.0.1:{ourPort}", .. scenarioArgs, "-m", "1", "-i", "127.0.0.1",
            "-p", FreePort.Udp().ToString(CultureInfo.InvariantCulture), "-d", "200", "-timeout", "20s", "-timeout_error", "-nostdin", "-s", "paging"];
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        List<string> seen;
        try
        {
            seen = ServeOneCall(socket, process, requireAuth);
        }
        finally
        {
            if (!process.WaitForExit(15000))
            {
                process.Kill();
            }
        }
        output.WriteLine(await stdout);
        string errText = await stderr;
        output.WriteLine(errText);
        Assert.True(process.ExitCode == 0, $"sipp exit code {process.ExitCode}: {errText}");
        return seen;
    }

    // Answers INVITE with 100 + 200 (SDP answer; first a 401 when requireAuth) and BYE with 200.
    private static List<string> ServeOneCall(Socket socket, Process process, bool requireAuth)
    {
        var seen = new List<string>();
        var buffer = new byte[65535];
        var outBuffer = new byte[4096];
        var request = new SipMessage();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        byte[] nonce = Encoding.ASCII.GetBytes(Convert.ToHexString(Guid.NewGuid().ToByteArray()));
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            int n;
            try
            {
                n = socket.ReceiveFrom(buffer, ref from);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
            {
                continue;
            }
            var result = request.Parse(buffer.AsSpan(0, n));
            Assert.True(result.IsOk, $"sipp sent a message we cannot parse: {result.Reason}\n{Encoding.ASCII.GetString(buffer, 0, n)}");
            var source = (IPEndPoint)from;
            var verdict = UasRequestCheck.Check(request, UasCapabilities.Default);
            Assert.True(verdict.IsOk, verdict.Reason);
            switch (request.MethodId)
            {
                case SipMethod.Invite when requireAuth && request.Count(SipHeaderId.Authorization) == 0:
                    seen.Add("INVITE 401");
                    socket.SendTo(Respond(request, 401, source, null, outBuffer, nonce), source);
                    break;
                case SipMethod.Invite:
                    seen.Add(requireAuth ? "INVITE " + Verify(request, nonce) : "INVITE");
                    socket.SendTo(Respond(request, 100, source, null, outBuffer, nonce), source);
                    var offer = SdpSession.Parse(request.Body, out string error);
                    Assert.True(offer is not null, error);
                    var negotiation = SdpNegotiator.Negotiate(offer!, Codecs);
                    Assert.True(negotiation.Acceptable, negotiation.Reason);
                    string answer = SdpAnswerWriter.Write(offer!, negotiation, new SdpLocalMedia("127.0.0.1", 40000, 1, 1));
                    socket.SendTo(Respond(request, 200, source, answer, outBuffer, nonce), source);
                    break;
                case SipMethod.Bye:
                    seen.Add("BYE");
                    socket.SendTo(Respond(request, 200, source, null, outBuffer, nonce), source);
                    return seen;
                default:
                    seen.Add(Encoding.ASCII.GetString(request.Method));
                    break;
            }
        }
        return seen;
    }

    private static string Verify(SipMessage request, byte[] nonce)
    {
        Assert.True(DigestCredentials.TryParse(request.Get(SipHeaderId.Authorization), out var creds));
        Assert.True(creds.Nonce.SequenceEqual(nonce), "the nonce is not the one we issued");
        // sipp 3.6 puts "sip:host:port" (no user part) in digest-uri; the hash covers what it sent,
        // so only the host is compared here (RFC 2617 3.2.2.5 leaves the match policy to the server).
        Assert.True(PagingServer.Sip.Uri.SipUri.TryParse(creds.Uri, out var digestUri));
        Assert.True(digestUri.Host.SequenceEqual(request.RequestUri.Host), "digest-uri names another host");
        Assert.Equal(DigestVerification.WrongResponse, DigestVerifier.Verify(creds, "INVITE"u8, Encoding.ASCII.GetBytes(Realm), "wrong"u8));
        return DigestVerifier.Verify(creds, "INVITE"u8, Encoding.ASCII.GetBytes(Realm), Encoding.UTF8.GetBytes(Password)) == DigestVerification.Valid
            ? "verified"
            : "REJECTED";
    }

    private static ReadOnlySpan<byte> Respond(SipMessage request, int code, IPEndPoint source, string? sdp, byte[] buffer, byte[] nonce)
    {
        var w = new SipWriter(buffer);
        string reason = code switch { 100 => "Trying", 401 => "Unauthorized", _ => "OK" };
        SipResponseBuilder.WriteHead(ref w, request, code, Encoding.ASCII.GetBytes(reason), "pg1"u8, source);
        if (code == 401)
        {
            DigestChallengeWriter.Write(ref w, SipHeaderId.WwwAuthenticate, Encoding.ASCII.GetBytes(Realm), nonce);
        }
        if (code == 200)
        {
            w.Header(SipHeaderId.Contact, "<sip:paging@127.0.0.1>"u8);
        }
        if (sdp is not null)
        {
            w.Header(SipHeaderId.ContentType, "application/sdp"u8);
        }
        int n = w.Finish(sdp is null ? default : Encoding.ASCII.GetBytes(sdp));
        Assert.True(n > 0);
        return buffer.AsSpan(0, n);
    }

    private static string FindTool(string name)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            string path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                return path;
            }
        }
        Assert.Fail($"{name} is required for this test and was not found on PATH (Debian package sip-tester)");
        return "";
    }
}
