using System.Globalization;
using System.Net.Sockets;

namespace PagingServer.Tests.EndToEnd;

/// <summary>
/// sipp calling the pager with one of the scenarios beside this file. Scenario files carry
/// placeholders sipp cannot fill itself: PCAP_FILE (the voice's absolute path) and PAUSE_MS (how
/// long the caller speaks before hanging up), and any a test names in <c>fill</c>.
/// </summary>
internal static class SippCaller
{
    /// <summary>Writes the scenario into <paramref name="work"/> with its placeholders filled; returns its path.</summary>
    public static string Scenario(TempDirectory work, string name, string? pcap = null, TimeSpan? speak = null, string? caller = null,
        IReadOnlyDictionary<string, string>? fill = null)
    {
        string text = File.ReadAllText(RepoPaths.File($"tests/PagingServer.Tests/EndToEnd/scenarios/{name}"));
        if (pcap is not null)
            text = text.Replace("PCAP_FILE", pcap, StringComparison.Ordinal);
        if (speak is { } s)
            text = text.Replace("PAUSE_MS", ((int)s.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        foreach ((string placeholder, string value) in fill ?? new Dictionary<string, string>())
            text = text.Replace(placeholder, value, StringComparison.Ordinal);
        if (caller is not null)
            text = text.Replace("sip:caller@", $"sip:{caller}@", StringComparison.Ordinal);
        return work.Write($"{caller ?? "caller"}-{name}", text);
    }

    /// <summary>Writes a 1 kHz PCMU voice of the given length and the scenario that plays it.</summary>
    public static string Page(TempDirectory work, string name, TimeSpan voice, TimeSpan? speak = null, string? caller = null)
    {
        string pcap = Path.Combine(work.Path, $"{caller ?? "caller"}-voice.pcap");
        RtpPcap.WriteTone(pcap, 1000, 0.5, voice);
        return Scenario(work, name, pcap, speak, caller);
    }

    public static ProcessRun Run(Pager pager, string scenario, string workingDirectory, string localAddress = "127.0.0.1") =>
        Run(pager.SipPort, scenario, workingDirectory, localAddress);

    /// <summary>Calls whoever listens on 127.0.0.1:<paramref name="port"/>: the pager, or a proxy in front of it.</summary>
    public static ProcessRun Run(int port, string scenario, string workingDirectory, string localAddress = "127.0.0.1") =>
        ProcessRun.Start(Tool.Require("sipp", "sip-tester"), Args(port, scenario, localAddress), workingDirectory, TimeSpan.FromSeconds(40));

    public static RunningProcess Start(Pager pager, string scenario, string workingDirectory) =>
        new(Tool.Require("sipp", "sip-tester"), Args(pager.SipPort, scenario, "127.0.0.1"), workingDirectory: workingDirectory);

    private static string[] Args(int port, string scenario, string localAddress) =>
    [
        $"127.0.0.1:{port}", "-sf", scenario, "-m", "1", "-i", localAddress,
        "-p", FreePort.Udp().ToString(CultureInfo.InvariantCulture),
        "-mp", FreePort.Udp().ToString(CultureInfo.InvariantCulture),
        "-timeout", "30", "-timeout_error", "-nostdin",
    ];
}
