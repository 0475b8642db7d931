using System.Text;
using PagingServer.Sip.Message;
using PagingServer.Sip.Validation;
using Xunit.Abstractions;

namespace PagingServer.Sip.Tests.Rfc4475;

public sealed class TortureCorpusTests(ITestOutputHelper output)
{
    internal static int Decide(SipMessage message, SipParseResult result)
    {
        if (!result.IsOk)
        {
            return message.IsRequest ? result.ResponseCode : TortureExpectations.Drop;
        }
        if (message.IsRequest)
        {
            return UasRequestCheck.Check(message, UasCapabilities.Default).StatusCode;
        }
        return UacResponseCheck.ShouldAccept(message) ? TortureExpectations.Accept : TortureExpectations.Drop;
    }

    private static string Describe(int outcome) => outcome switch
    {
        TortureExpectations.Drop => "drop",
        0 => "accept/process",
        _ => outcome.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public void Every_RFC_4475_message_is_handled_as_the_RFC_says_over_UDP_and_TCP()
    {
        string dir = CorpusLocator.Directory();
        var onDisk = Directory.GetFiles(dir, "*.dat").Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(TortureExpectations.All.Select(c => c.File).Order(), onDisk!);

        var failures = new StringBuilder();
        int passed = 0;
        var message = new SipMessage();
        foreach (var c in TortureExpectations.All)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(dir, c.File));
            string? problem = CheckUdp(message, bytes, c) ?? CheckTcp(message, bytes, c);
            var udp = message.Parse(bytes);
            string reason = udp.IsOk && message.IsRequest ? UasRequestCheck.Check(message, UasCapabilities.Default).Reason : udp.Reason;
            output.WriteLine($"{c.File,-15} {Describe(Decide(message, udp)),-15} {udp.Status} {reason}");
            if (problem is null && (c.Cause.Length == 0 ? reason.Length != 0 : !reason.Contains(c.Cause, StringComparison.Ordinal)))
            {
                problem = $"right outcome for the wrong reason: '{reason}', expected '{c.Cause}'";
            }
            if (problem is null)
            {
                passed++;
            }
            else
            {
                failures.AppendLine($"{c.File} (RFC 4475 {c.Section}, {c.Why}): {problem}");
            }
        }
        string summary = $"{passed}/{TortureExpectations.All.Length} handled as RFC 4475 says";
        output.WriteLine(summary);
        output.WriteLine(failures.ToString());
        Assert.True(passed == TortureExpectations.All.Length, summary + Environment.NewLine + failures);
    }

    private static string? CheckUdp(SipMessage message, byte[] bytes, TortureCase c)
    {
        var result = message.Parse(bytes, SipFraming.Datagram);
        int got = Decide(message, result);
        return got == c.Udp ? null : $"UDP: expected {Describe(c.Udp)}, got {Describe(got)} ({result.Status}: {result.Reason} at {result.Offset})";
    }

    private static string? CheckTcp(SipMessage message, byte[] bytes, TortureCase c)
    {
        var frame = SipStreamFramer.Frame(bytes);
        switch (c.Tcp)
        {
            case TcpOutcome.NeedMore:
            case TcpOutcome.BadFraming:
                var want = c.Tcp == TcpOutcome.NeedMore ? SipFrameStatus.NeedMore : SipFrameStatus.BadFraming;
                return frame.Status == want ? null : $"TCP: expected {want}, got {frame.Status}";
            default:
                if (frame.Status != SipFrameStatus.Message)
                {
                    return $"TCP: expected a message, got {frame.Status}";
                }
                bool whole = frame.Skip + frame.Length == bytes.Length;
                if (whole != (c.Tcp == TcpOutcome.SameAsUdp))
                {
                    return $"TCP: frame of {frame.Length} bytes for a {bytes.Length}-byte file";
                }
                var result = message.Parse(bytes.AsSpan(frame.Skip, frame.Length), SipFraming.Stream);
                int got = Decide(message, result);
                return got == c.Udp ? null : $"TCP: expected {Describe(c.Udp)}, got {Describe(got)} ({result.Status}: {result.Reason})";
        }
    }

    [Fact]
    public void The_terminated_baddn_variant_is_rejected_for_its_display_name()
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(CorpusLocator.Directory(), "variants", "baddn-terminated.dat"));
        var message = new SipMessage();
        var result = message.Parse(bytes);
        Assert.Equal(SipParseStatus.Malformed, result.Status);
        Assert.Equal("malformed From", result.Reason);
        Assert.Equal(400, Decide(message, result));
    }

    [Fact]
    public void Every_prefix_of_every_corpus_file_parses_without_throwing()
    {
        string dir = CorpusLocator.Directory();
        var message = new SipMessage();
        int okCount = 0;
        foreach (string path in Directory.GetFiles(dir, "*.dat", SearchOption.AllDirectories))
        {
            byte[] bytes = File.ReadAllBytes(path);
            for (int n = 0; n <= bytes.Length; n++)
            {
                var span = bytes.AsSpan(0, n);
                if (message.Parse(span).IsOk)
                {
                    okCount++;
                    _ = message.Via().Branch.Length + message.From.Tag.Length + message.CSeq.Number;
                }
                _ = SipStreamFramer.Frame(span);
            }
        }
        // Prefixes of messages without a body, or cut inside trailing octets, parse; most others must not.
        Assert.True(okCount > 100, $"only {okCount} prefixes parsed");
    }
}
