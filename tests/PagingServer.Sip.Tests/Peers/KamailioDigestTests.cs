using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PagingServer.Sip.Auth;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;
using PagingServer.Sip.Writer;

namespace PagingServer.Sip.Tests.Peers;

// Our digest client against kamailio's registrar (auth module, pv_www_authenticate), MD5 and SHA-256:
// the shared KamailioRegistrar, spoken to with hand-built REGISTERs rather than the agent.
public sealed class KamailioDigestTests
{
    private const string Password = "s3cret-pager";

    [Theory]
    [InlineData("MD5", DigestAlgorithm.Md5)]
    [InlineData("SHA-256", DigestAlgorithm.Sha256)]
    public void A_register_answered_with_our_authorization_header_is_accepted(string algorithmName, DigestAlgorithm algorithm)
    {
        using var kamailio = KamailioRegistrar.Start(Password, algorithmName);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.ReceiveTimeout = 300;
        var response = new SipMessage();

        // Retry the first REGISTER should a datagram be lost.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Exchange(socket, kamailio.EndPoint, BuildRegister(socket, 1, default), response))
        {
            Assert.True(DateTime.UtcNow < deadline, "kamailio did not answer within 10 s: " + kamailio.Log);
        }
        Assert.Equal(401, response.StatusCode);
        Assert.True(DigestChallenge.TryParse(response.Get(SipHeaderId.WwwAuthenticate), out var challenge));
        Assert.Equal(algorithm, challenge.Algorithm);
        Assert.True(challenge.OffersQopAuth);
        byte[] auth = AuthorizationValue(challenge, Password);

        Assert.True(Exchange(socket, kamailio.EndPoint, BuildRegister(socket, 2, auth), response), "no answer");
        Assert.True(response.StatusCode == 200, $"expected 200, got {response.StatusCode}: {kamailio.Log}");

        // The registrar does verify: a wrong password is challenged again.
        Assert.True(Exchange(socket, kamailio.EndPoint, BuildRegister(socket, 1, default), response), "no answer");
        Assert.True(DigestChallenge.TryParse(response.Get(SipHeaderId.WwwAuthenticate), out var again));
        byte[] wrong = AuthorizationValue(again, "not-the-password");
        Assert.True(Exchange(socket, kamailio.EndPoint, BuildRegister(socket, 2, wrong), response), "no answer");
        Assert.Equal(401, response.StatusCode);
    }

    private static byte[] AuthorizationValue(in DigestChallenge challenge, string password)
    {
        var buffer = new byte[1024];
        var w = new SipWriter(buffer);
        Assert.True(DigestAuthorizationWriter.Write(ref w, SipHeaderId.Authorization, challenge, "pager"u8,
            Encoding.UTF8.GetBytes(password), "REGISTER"u8, "sip:example.com"u8, "0a4f113b7c"u8, 1));
        return w.Written.ToArray();
    }

    private static byte[] BuildRegister(Socket socket, int cseq, ReadOnlySpan<byte> authorizationLine)
    {
        int port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        var inv = CultureInfo.InvariantCulture;
        var buffer = new byte[2048];
        var w = new SipWriter(buffer);
        w.RequestLine("REGISTER"u8, "sip:example.com"u8);
        w.Header(SipHeaderId.Via, string.Create(inv, $"SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bK{Guid.NewGuid():N};rport"));
        w.Header(SipHeaderId.MaxForwards, 70);
        w.Header(SipHeaderId.From, "<sip:pager@example.com>;tag=pg7"u8);
        w.Header(SipHeaderId.To, "<sip:pager@example.com>"u8);
        w.Header(SipHeaderId.CallId, string.Create(inv, $"reg-{port}@127.0.0.1"));
        w.Header(SipHeaderId.CSeq, string.Create(inv, $"{cseq} REGISTER"));
        w.Header(SipHeaderId.Contact, string.Create(inv, $"<sip:pager@127.0.0.1:{port}>"));
        w.Header(SipHeaderId.Expires, 60);
        w.Append(authorizationLine);
        int n = w.Finish(default);
        Assert.True(n > 0);
        return buffer.AsSpan(0, n).ToArray();
    }

    private static bool Exchange(Socket socket, IPEndPoint server, byte[] request, SipMessage response)
    {
        socket.SendTo(request, server);
        var buffer = new byte[65535];
        try
        {
            int n = socket.Receive(buffer);
            var r = response.Parse(buffer.AsSpan(0, n));
            Assert.True(r.IsOk, r.Reason);
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
        {
            return false;
        }
    }
}
