using System.Text.RegularExpressions;

namespace PagingServer.Image.Tests.Layer;

internal static partial class LayerChecks
{
    public const string JackUnit = "recipes-multimedia/jack/files/jackd.service";
    public const string MpdConf = "recipes-multimedia/mpd/files/mpd.conf.in";

    /// <summary>
    /// jackd runs the ALSA driver on a named device at a fixed rate and period, admits the
    /// group paging runs in, and its rate is the one the klaxon cache is built for. Options
    /// before `-d alsa` are the server's, after it the driver's (jackd(1)).
    /// </summary>
    public static List<string> Jackd(LayerTree layer)
    {
        if (!layer.Exists(JackUnit))
            return [$"{JackUnit} is missing"];
        var problems = new List<string>();
        var unit = IniFile.Parse(layer.Text(JackUnit));
        string exec = unit.Get("Service", "ExecStart") ?? "";
        string[] words = exec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int driver = Array.FindIndex(words, w => w == "alsa");
        if (words.Length == 0 || Path.GetFileName(words[0]) != "jackd" || driver < 1 || words[driver - 1] != "-d")
            return [$"{JackUnit}: ExecStart does not run jackd -d alsa: '{exec}'"];
        string[] options = words[(driver + 1)..];
        string? device = Kickstart.Option(options, "-d") ?? Kickstart.Option(options, "-P");
        if (device is null || device.StartsWith('-'))
            problems.Add($"{JackUnit}: the ALSA driver has no device (-d or -P)");
        string? rate = Kickstart.Option(options, "-r");
        if (!int.TryParse(rate, out int hz) || hz < 8000)
            problems.Add($"{JackUnit}: no fixed sample rate (-r)");
        if (!int.TryParse(Kickstart.Option(options, "-p"), out int period) || period <= 0)
            problems.Add($"{JackUnit}: no fixed period (-p)");
        if (unit.Get("Service", "Group") != "audio")
            problems.Add($"{JackUnit}: Group is not audio");
        if (!unit.Any(e => e.Key == "Environment" && e.Value == "JACK_PROMISCUOUS_SERVER=audio"))
            problems.Add($"{JackUnit}: JACK_PROMISCUOUS_SERVER=audio is not set (paging.service expects it)");
        if (device is not null && layer.Exists("recipes-bsp/alsa-state/files/asound.conf")
            && !layer.Text("recipes-bsp/alsa-state/files/asound.conf").Contains($"pcm.{device} ", StringComparison.Ordinal)
            && !device.StartsWith("hw:", StringComparison.Ordinal))
            problems.Add($"{JackUnit}: device '{device}' is neither hw:... nor a pcm of alsa-state's asound.conf");
        string? cacheRate = layer.Recipe("paging") is { } paging ? layer.Bitbake(paging).Value("PAGING_SAMPLE_RATE") : null;
        if (cacheRate != rate)
            problems.Add($"{JackUnit}: rate {rate} differs from the klaxon cache's PAGING_SAMPLE_RATE {cacheRate}");
        return problems;
    }

    /// <summary>mpd has a jack output whose ports paging's default jack-music-client-name
    /// (paging.example.conf) takes as music.</summary>
    public static List<string> Mpd(LayerTree layer)
    {
        if (!layer.Exists(MpdConf))
            return [$"{MpdConf} is missing"];
        var problems = new List<string>();
        string pattern = File.ReadAllLines(Path.Combine(layer.RepoRoot, "paging.example.conf"))
            .Select(l => l.Trim())
            .First(l => l.StartsWith("jack-music-client-name", StringComparison.Ordinal)).Split('=', 2)[1].Trim();
        var music = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        var jack = AudioOutputs().Matches(layer.Text(MpdConf)).Where(m => Setting(m.Value, "type") == "jack").ToList();
        if (jack.Count == 0)
            problems.Add($"{MpdConf}: no audio_output of type jack");
        foreach (Match output in jack)
        {
            string client = Setting(output.Value, "client_name") ?? "";
            string port = (Setting(output.Value, "source_ports") ?? "left,right").Split(',')[0];
            Match m = music.Match($"{client}:{port}");
            if (!m.Success || m.Groups[1].Value.Length == 0)
                problems.Add($"{MpdConf}: port '{client}:{port}' does not match jack-music-client-name {pattern}");
            if (Setting(output.Value, "autostart") != "no")
                problems.Add($"{MpdConf}: the jack output may start its own server (autostart is not \"no\")");
        }
        if (layer.RecipeFiles().FirstOrDefault(r => LayerTree.RecipeName(r) == "mpd") is not { } append
            || !layer.Bitbake(append).Combined("PACKAGECONFIG").Split(' ').Contains("jack"))
            problems.Add("no mpd append enables PACKAGECONFIG jack");
        return problems;
    }

    /// <summary>A system.conf drop-in, installed by a recipe into system.conf.d, sets a
    /// non-zero RuntimeWatchdogSec (systemd-system.conf(5)).</summary>
    public static List<string> Watchdog(LayerTree layer)
    {
        foreach (string relative in layer.RecipeFiles())
        {
            BitbakeFile recipe = layer.Bitbake(relative);
            string install = string.Join('\n', recipe.Functions.Where(f => f.Name.StartsWith("do_install", StringComparison.Ordinal)).Select(f => f.Body));
            foreach (string line in install.Split('\n').Where(l => l.Contains("/system.conf.d/", StringComparison.Ordinal)))
            {
                string file = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).First(w => w.StartsWith("${S}/", StringComparison.Ordinal) || w.StartsWith("${UNPACKDIR}/", StringComparison.Ordinal));
                string source = Path.Combine(Path.GetDirectoryName(layer.PathOf(relative))!, "files", file[(file.IndexOf('/', StringComparison.Ordinal) + 1)..]);
                var ini = IniFile.Parse(File.ReadAllText(source));
                string? value = ini.Get("Manager", "RuntimeWatchdogSec");
                if (value is not null && value is not ("0" or "off" or "infinity" or ""))
                    return [];
            }
        }
        return ["no recipe installs a system.conf.d drop-in with [Manager] RuntimeWatchdogSec set"];
    }

    private static string? Setting(string block, string key) =>
        Regex.Match(block, $"^\\s*{key}\\s+\"([^\"]*)\"", RegexOptions.Multiline, TimeSpan.FromSeconds(1)) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"audio_output\s*\{[^}]*\}")]
    private static partial Regex AudioOutputs();
}
