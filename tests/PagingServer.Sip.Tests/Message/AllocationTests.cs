using System.Text;
using PagingServer.Sip.Message;
using Xunit.Abstractions;

namespace PagingServer.Sip.Tests.Message;

public sealed class AllocationTests(ITestOutputHelper output)
{
    internal static readonly byte[] TypicalInvite = Encoding.ASCII.GetBytes(
        "INVITE sip:paging@192.0.2.10:5060 SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-524287-1---7f4a1c2b9e;rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "Contact: <sip:alice@198.51.100.7:5060;transport=udp>\r\n"
        + "To: <sip:paging@192.0.2.10>\r\n"
        + "From: \"Alice\" <sip:alice@example.com>;tag=3b8a1f0c\r\n"
        + "Call-ID: 9f2c1d7e5a3b4c6d8e0f1a2b3c4d5e6f\r\n"
        + "CSeq: 1 INVITE\r\n"
        + "Allow: INVITE, ACK, CANCEL, BYE, NOTIFY, REFER, MESSAGE, OPTIONS, INFO, SUBSCRIBE\r\n"
        + "Content-Type: application/sdp\r\n"
        + "Supported: replaces, norefersub, timer\r\n"
        + "User-Agent: Softphone 5.1\r\n"
        + "Allow-Events: presence, kpml, talk\r\n"
        + "Content-Length: 236\r\n\r\n"
        + "v=0\r\no=alice 1 2 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\n"
        + "m=audio 49170 RTP/AVP 0 8 9 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
        + "a=rtpmap:9 G722/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=sendrecv\r\n");

    // Parsing into a reused SipMessage copies into its own buffer and header table, both already
    // sized after the first message, so the steady state allocates nothing. The bound leaves room
    // for runtime noise (tiered JIT, a stray GC bookkeeping object): under 16 bytes per message.
    private const int Iterations = 1000;
    private const long BoundBytesPerMessage = 16;

    private static long ParseAndRead(SipMessage m)
    {
        var r = m.Parse(TypicalInvite);
        Assert.True(r.IsOk, r.Reason);
        return m.Via().Branch.Length + m.From.Tag.Length + m.To.Uri.Host.Length + m.CSeq.Number + m.CallId.Length
            + m.MaxForwards + m.Contact().Uri.Port + m.Body.Length + m.RequestUri.User.Length
            + (Validation.UasRequestCheck.Check(m, Validation.UasCapabilities.Default).IsOk ? 1 : 0);
    }

    [Fact]
    public void Parsing_a_typical_INVITE_into_a_reused_message_allocates_almost_nothing()
    {
        var m = new SipMessage();
        long sink = 0;
        for (int i = 0; i < 200; i++)
        {
            sink += ParseAndRead(m);
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            sink += ParseAndRead(m);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{allocated} bytes over {Iterations} parses ({(double)allocated / Iterations:F2} B/message), sink {sink}");
        // Informational only (shared CI machines): parse + typed reads + UAS checks per message,
        // after half a second so tiered JIT has promoted the hot methods.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 500)
        {
            sink += ParseAndRead(m);
        }
        clock.Restart();
        for (int i = 0; i < 10 * Iterations; i++)
        {
            sink += ParseAndRead(m);
        }
        output.WriteLine($"{clock.Elapsed.TotalMicroseconds / (10 * Iterations):F1} us per parse+check");
        Assert.True(allocated <= BoundBytesPerMessage * Iterations,
            $"{allocated} bytes allocated for {Iterations} parses; bound {BoundBytesPerMessage} B/message");
    }

    [Fact]
    public void A_fresh_message_costs_only_its_buffer_and_header_table()
    {
        // A new SipMessage allocates its byte buffer (2 KiB default) and header table (32 entries of 20 bytes).
        _ = ParseAndRead(new SipMessage());
        long before = GC.GetAllocatedBytesForCurrentThread();
        _ = ParseAndRead(new SipMessage());
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"fresh SipMessage + parse: {allocated} bytes");
        Assert.True(allocated < 4096, $"{allocated} bytes for a fresh message");
    }
}
