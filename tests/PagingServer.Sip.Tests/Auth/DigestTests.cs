using System.Text;
using PagingServer.Sip.Auth;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Writer;

namespace PagingServer.Sip.Tests.Auth;

public sealed class DigestTests
{
    private static string Response(DigestAlgorithm alg, string user, string realm, string password, string method, string uri,
        string nonce, string cnonce, string nc, string qop)
    {
        Span<byte> hex = stackalloc byte[64];
        Assert.True(DigestCalculator.TryComputeResponse(alg, B(user), B(realm), B(password), B(method), B(uri), B(nonce),
            B(cnonce), B(nc), B(qop), hex));
        return Encoding.ASCII.GetString(hex[..DigestAlgorithms.HexLength(alg)]);
    }

    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void RFC_2617_section_3_5_example_gives_the_published_response()
    {
        Assert.Equal("6629fae49393a05397450978507c4ef1", Response(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com",
            "Circle Of Life", "GET", "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "0a4f113b", "00000001", "auth"));
    }

    private const string Nonce7616 = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private const string Cnonce7616 = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    [Theory]
    [InlineData(DigestAlgorithm.Md5, "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData(DigestAlgorithm.Sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void RFC_7616_section_3_9_1_examples_give_the_published_responses(DigestAlgorithm algorithm, string expected)
    {
        // RFC 7616 3.9.1 (erratum 4495): the password is "Circle of Life", lowercase "of".
        Assert.Equal(expected, Response(algorithm, "Mufasa", "http-auth@example.org", "Circle of Life", "GET",
            "/dir/index.html", Nonce7616, Cnonce7616, "00000001", "auth"));
    }

    [Fact]
    public void RFC_2069_example_without_qop_gives_the_published_response()
    {
        Assert.Equal("1949323746fe6a43ef61f9606e7febea", Response(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com",
            "CircleOfLife", "GET", "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "", "", ""));
    }

    [Fact]
    public void MD5_sess_hashes_the_nonce_and_cnonce_into_HA1()
    {
        // Expected value computed independently (Python hashlib) from RFC 2617 3.2.2.2's A1 definition.
        Assert.Equal("8e3825c57e897f5a0dec6c2d4e5059d0", Response(DigestAlgorithm.Md5Sess, "Mufasa", "testrealm@host.com",
            "Circle Of Life", "GET", "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "0a4f113b", "00000001", "auth"));
    }

    [Fact]
    public void Session_variants_differ_from_the_plain_algorithms()
    {
        string plain = Response(DigestAlgorithm.Sha256, "u", "r", "p", "INVITE", "sip:a@b", "n", "c", "00000001", "auth");
        string sess = Response(DigestAlgorithm.Sha256Sess, "u", "r", "p", "INVITE", "sip:a@b", "n", "c", "00000001", "auth");
        Assert.Equal(64, sess.Length);
        Assert.NotEqual(plain, sess);
    }

    [Fact]
    public void A_challenge_is_parsed_and_answered_and_the_server_verifies_the_answer()
    {
        byte[] value = B("Digest realm=\"http-auth@example.org\",  qop=\"auth, auth-int\", algorithm=SHA-256,"
            + $" nonce=\"{Nonce7616}\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\", stale=FALSE");
        Assert.True(DigestChallenge.TryParse(value, out var challenge));
        Assert.Equal(DigestAlgorithm.Sha256, challenge.Algorithm);
        Assert.True(challenge.OffersQopAuth);
        Assert.False(challenge.Stale);
        Assert.Equal("http-auth@example.org", Encoding.ASCII.GetString(challenge.Realm));

        byte[] buffer = new byte[1024];
        var w = new SipWriter(buffer);
        Assert.True(DigestAuthorizationWriter.Write(ref w, SipHeaderId.Authorization, challenge, "Mufasa"u8, "Circle of Life"u8,
            "GET"u8, "/dir/index.html"u8, B(Cnonce7616), 1));
        string line = Encoding.ASCII.GetString(w.Written);
        Assert.StartsWith("Authorization: Digest username=\"Mufasa\"", line, StringComparison.Ordinal);
        Assert.Contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\"", line, StringComparison.Ordinal);
        Assert.Contains("nc=00000001", line, StringComparison.Ordinal);
        Assert.Contains("opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"", line, StringComparison.Ordinal);

        var credentialValue = w.Written["Authorization: ".Length..^2];
        Assert.True(DigestCredentials.TryParse(credentialValue, out var creds));
        Assert.Equal(DigestVerification.Valid, DigestVerifier.Verify(creds, "GET"u8, "http-auth@example.org"u8, "Circle of Life"u8));
        Assert.Equal(DigestVerification.WrongResponse, DigestVerifier.Verify(creds, "GET"u8, "http-auth@example.org"u8, "Circle Of Life"u8));
        Assert.Equal(DigestVerification.WrongResponse, DigestVerifier.Verify(creds, "POST"u8, "http-auth@example.org"u8, "Circle of Life"u8));
        Assert.Equal(DigestVerification.WrongRealm, DigestVerifier.Verify(creds, "GET"u8, "other"u8, "Circle of Life"u8));
    }

    [Fact]
    public void RFC_2617_credentials_with_uppercase_hex_verify()
    {
        byte[] value = B("Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\","
            + " uri=\"/dir/index.html\", qop=auth, nc=00000001, cnonce=\"0a4f113b\","
            + " response=\"6629FAE49393A05397450978507C4EF1\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
        Assert.True(DigestCredentials.TryParse(value, out var creds));
        Assert.Equal("5ccc069c403ebaf9f0171e9517f40e41", Encoding.ASCII.GetString(creds.Opaque));
        Assert.Equal(DigestVerification.Valid, DigestVerifier.Verify(creds, "GET"u8, "testrealm@host.com"u8, "Circle Of Life"u8));
    }

    [Fact]
    public void Challenges_without_qop_are_answered_in_RFC_2069_form_and_auth_int_only_is_refused()
    {
        Assert.True(DigestChallenge.TryParse("Digest realm=\"r\", nonce=\"n\""u8, out var plain));
        var w = new SipWriter(new byte[512]);
        Assert.True(DigestAuthorizationWriter.Write(ref w, SipHeaderId.ProxyAuthorization, plain, "u"u8, "p"u8, "INVITE"u8,
            "sip:a@b"u8, "c"u8, 1));
        string line = Encoding.ASCII.GetString(w.Written);
        Assert.StartsWith("Proxy-Authorization: Digest", line, StringComparison.Ordinal);
        Assert.DoesNotContain("qop", line, StringComparison.Ordinal);

        Assert.True(DigestChallenge.TryParse("Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\""u8, out var intOnly));
        var w2 = new SipWriter(new byte[512]);
        Assert.False(DigestAuthorizationWriter.Write(ref w2, SipHeaderId.Authorization, intOnly, "u"u8, "p"u8, "INVITE"u8,
            "sip:a@b"u8, "c"u8, 1));
    }

    [Fact]
    public void Unknown_schemes_and_broken_challenges_are_rejected()
    {
        Assert.False(DigestCredentials.TryParse("NoOneKnowsThisScheme opaque-data=here"u8, out _));
        Assert.False(DigestChallenge.TryParse("Digest realm=\"r\" nonce=\"n\""u8, out _));
        Assert.False(DigestChallenge.TryParse("Digest realm=\"r, nonce=\"n\""u8, out _));
        Assert.False(DigestChallenge.TryParse("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256"u8, out _));
    }
}
