using System.Globalization;

namespace PagingServer.Bench;

/// <summary>
/// A process's CPU time and memory from /proc: utime+stime (every thread), RssAnon and
/// RssShmem from status, PSS from smaps_rollup. JACK's shared segment shows in every client's
/// RSS as RssShmem and in PSS as Pss_Shmem; the figures for the process itself leave it out.
/// </summary>
internal static class ProcStats
{
    private static readonly double TicksPerSecond = double.Parse(Sh.Run("getconf", "CLK_TCK").Trim(), CultureInfo.InvariantCulture);

    public static double CpuSeconds(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state): utime is field 14, stime field 15.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>A "Name: N kB" line of /proc/PID/status, in KiB.</summary>
    public static double StatusKib(int pid, string name) => Field($"/proc/{pid}/status", name);

    /// <summary>A line of /proc/PID/smaps_rollup (Pss, Pss_Shmem, ...), in KiB.</summary>
    public static double RollupKib(int pid, string name) => Field($"/proc/{pid}/smaps_rollup", name);

    /// <summary>PSS without shared memory (JACK's segment): what this process costs by itself.</summary>
    public static double OwnPssKib(int pid) => RollupKib(pid, "Pss") - RollupKib(pid, "Pss_Shmem");

    private static double Field(string file, string name)
    {
        foreach (string line in File.ReadLines(file))
        {
            if (line.StartsWith(name + ":", StringComparison.Ordinal))
                return double.Parse(line[(name.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        throw new InvalidOperationException($"{file} has no {name}");
    }
}
