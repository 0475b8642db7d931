using PagingServer.Sip.Auth;
using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;
using PagingServer.Sip.Sdp;
using PagingServer.Sip.Validation;
using Xunit.Abstractions;

namespace PagingServer.Sip.Tests.Rfc4475;

// Mutated corpus messages: every parser must return a status, never throw or over-read.
public sealed class MutationTests(ITestOutputHelper output)
{
    private static readonly byte[] Interesting =
        "\r\n :;,\"<>%\\[]/=@?*0123456789\t"u8.ToArray().Concat(new byte[] { 0, 0x7F, 0xFF, 0xC3 }).ToArray();

    [Fact]
    public void Randomly_mutated_corpus_messages_never_throw()
    {
        var random = new Random(4475);
        var message = new SipMessage();
        int parsed = 0, total = 0;
        foreach (string path in Directory.GetFiles(CorpusLocator.Directory(), "*.dat"))
        {
            byte[] original = File.ReadAllBytes(path);
            for (int round = 0; round < 300; round++)
            {
                byte[] bytes = Mutate(original, random);
                total++;
                if (message.Parse(bytes).IsOk)
                {
                    parsed++;
                    Exercise(message);
                }
                var frame = SipStreamFramer.Frame(bytes);
                if (frame.Status == SipFrameStatus.Message)
                {
                    _ = message.Parse(bytes.AsSpan(frame.Skip, frame.Length), SipFraming.Stream);
                }
            }
        }
        output.WriteLine($"{parsed} of {total} mutants still parsed");
        Assert.True(parsed > 0 && parsed < total, $"{parsed} of {total} mutants parsed: the mutations are not exercising both paths");
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var list = new List<byte>(original);
        int edits = random.Next(1, 4);
        for (int e = 0; e < edits && list.Count > 0; e++)
        {
            int at = random.Next(list.Count);
            byte b = Interesting[random.Next(Interesting.Length)];
            switch (random.Next(3))
            {
                case 0: list[at] = b; break;
                case 1: list.Insert(at, b); break;
                default: list.RemoveAt(at); break;
            }
        }
        return [.. list];
    }

    private static void Exercise(SipMessage m)
    {
        long sink = m.CSeq.Number + m.MaxForwards + m.ContentLength + m.StatusCode;
        for (int i = 0; i < m.Count(SipHeaderId.Via); i++)
        {
            var via = m.Via(i);
            sink += via.Branch.Length + via.Rport + via.Received.Length + via.Host.Length;
        }
        Span<byte> name = stackalloc byte[512];
        for (int i = 0; i < m.Count(SipHeaderId.Contact); i++)
        {
            var c = m.Contact(i);
            sink += c.DecodeDisplayName(name) + c.Uri.Port + c.Tag.Length;
        }
        sink += m.From.Tag.Length + m.To.Uri.User.Length + m.RequestUri.Host.Length;
        if (m.IsRequest)
        {
            sink += UasRequestCheck.Check(m, UasCapabilities.Default).StatusCode;
        }
        else
        {
            sink += UacResponseCheck.ShouldAccept(m) ? 1 : 0;
        }
        if (DigestCredentials.TryParse(m.Get(SipHeaderId.Authorization), out var creds))
        {
            sink += (int)DigestVerifier.Verify(creds, m.Method, creds.Realm, "pw"u8);
        }
        var sdp = SdpSession.Parse(m.Body, out _);
        if (sdp is not null)
        {
            sink += SdpNegotiator.Negotiate(sdp, [SdpCodec.Parse("PCMU/8000")]).RemotePort;
        }
        Assert.True(sink != long.MinValue);
    }
}
