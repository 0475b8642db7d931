using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PagingServer.Sip.Tests.Agent;

/// <summary>Runs sipp scenarios from Agent/scenarios against an address; free ports, private folder per run.</summary>
internal static class Sipp
{
    public static string ScenarioFolder
    {
        get
        {
            string copied = Path.Combine(AppContext.BaseDirectory, "Agent", "scenarios");
            return Directory.Exists(copied) ? copied : RepoPaths.File("tests/PagingServer.Sip.Tests/Agent/scenarios");
        }
    }

    public static string Scenario(string name) => Path.Combine(ScenarioFolder, name);

    /// <summary>Runs one scenario to its end; sipp exits 0 only when every call succeeded.</summary>
    public static ProcessRun Run(string scenarioPath, IPEndPoint target, string localIp = "127.0.0.1", int calls = 1,
        IEnumerable<string>? extra = null, TimeSpan? timeout = null)
    {
        string sipp = Tool.Require("sipp", "sip-tester");
        using var dir = new TempDirectory();
        string[] args =
        [
            target.ToString(), "-sf", scenarioPath, "-m", calls.ToString(CultureInfo.InvariantCulture),
            "-l", "1", "-i", localIp, "-p", FreePort.Udp(IPAddress.Parse(localIp)).ToString(CultureInfo.InvariantCulture),
            "-timeout", "40s", "-timeout_error", "-nostdin", "-trace_err", "-max_recv_loops", "100",
            .. extra ?? [],
        ];
        return ProcessRun.Start(sipp, args, dir.Path, timeout ?? TimeSpan.FromSeconds(60));
    }

    /// <summary>A copy of a scenario with placeholders replaced, in <paramref name="folder"/>.</summary>
    public static string Variant(string name, string folder, params (string From, string To)[] replacements)
    {
        string text = File.ReadAllText(Scenario(name));
        foreach (var (from, to) in replacements)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
