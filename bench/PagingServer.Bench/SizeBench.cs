namespace PagingServer.Bench;

/// <summary>
/// What the appliance ships: the published binary, against baresip's executable with the
/// libraries only it brings (libre, librem, libbaresip if split out) and the modules the peer
/// loads here (g711, jack, ausine, account, menu).
/// </summary>
internal static class SizeBench
{
    public static IEnumerable<Measurement> Run(string binary)
    {
        double peer = 0;
        string? baresip = Tool.Find("baresip");
        if (baresip is not null)
        {
            peer += new FileInfo(baresip).Length;
            foreach (string line in Sh.Run("ldd", baresip).Split('\n'))
            {
                string[] parts = line.Trim().Split(' ');
                if (parts.Length >= 3 && (parts[0].StartsWith("libre", StringComparison.Ordinal) || parts[0].StartsWith("libbaresip", StringComparison.Ordinal)) && File.Exists(parts[2]))
                    peer += new FileInfo(parts[2]).Length;
            }
            foreach (string module in new[] { "g711", "jack", "ausine", "account", "menu" })
            {
                string path = $"/usr/lib/baresip/modules/{module}.so";
                if (File.Exists(path))
                    peer += new FileInfo(path).Length;
            }
        }
        yield return new Measurement("Binary", "size of the published binary", "KiB", [new FileInfo(binary).Length / 1024.0],
            "NativeAOT, trimmed, stripped; baresip: executable, libre/librem, the 5 modules it loads", baresip is null ? null : [peer / 1024.0]);
    }
}
