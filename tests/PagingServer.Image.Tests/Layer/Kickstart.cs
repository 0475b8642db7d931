namespace PagingServer.Image.Tests.Layer;

/// <summary>One `part` line of a wic kickstart file (Yocto reference manual, "OpenEmbedded
/// Kickstart (.wks) Reference").</summary>
internal sealed record WicPartition(string? MountPoint, string? Source, string? PartName, string? FsType, int Line);

internal static class Kickstart
{
    public static List<WicPartition> Partitions(string text)
    {
        var parts = new List<WicPartition>();
        string[] lines = text.Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string[] words = lines[n].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || words[0] != "part")
                continue;
            string? mount = words.Length > 1 && words[1].StartsWith('/') ? words[1] : null;
            parts.Add(new WicPartition(mount, Option(words, "--source"), Option(words, "--part-name"), Option(words, "--fstype"), n + 1));
        }
        return parts;
    }

    /// <summary>The value of `--name value` or `--name=value`, quotes removed.</summary>
    public static string? Option(string[] words, string name)
    {
        for (int i = 0; i < words.Length; i++)
        {
            if (words[i] == name && i + 1 < words.Length)
                return words[i + 1].Trim('"');
            if (words[i].StartsWith(name + "=", StringComparison.Ordinal))
                return words[i][(name.Length + 1)..].Trim('"');
        }
        return null;
    }
}

/// <summary>An INI-style file (RAUC system.conf, systemd units): sections of key=value lines,
/// a key may repeat.</summary>
internal static class IniFile
{
    public static List<(string Section, string Key, string Value)> Parse(string text)
    {
        var entries = new List<(string, string, string)>();
        string section = "";
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
                continue;
            if (line.StartsWith('[') && line.EndsWith(']'))
                section = line[1..^1];
            else if (line.IndexOf('=', StringComparison.Ordinal) is int eq and > 0)
                entries.Add((section, line[..eq].Trim(), line[(eq + 1)..].Trim()));
        }
        return entries;
    }

    public static string? Get(this List<(string Section, string Key, string Value)> entries, string section, string key) =>
        entries.LastOrDefault(e => e.Section == section && e.Key == key).Value;
}
