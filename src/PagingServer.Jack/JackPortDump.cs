using System.Globalization;
using PagingServer.Jack.Interop;

namespace PagingServer.Jack;

/// <summary>The <c>--dump-jack-ports</c> listing: every port with its direction, type, physical
/// flag and connections, marked as speaker or music source under the given options.</summary>
public static class JackPortDump
{
    /// <summary>Connects a short-lived client (named after the configured one plus
    /// <c>-dump</c>), writes one block per port to <paramref name="output"/> and returns true;
    /// writes the reason to <paramref name="errors"/> and returns false when no server answers
    /// within <paramref name="patience"/>.</summary>
    public static bool Write(JackEngineOptions options, TextWriter output, TextWriter errors, TimeSpan patience = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        JackClientSafeHandle client;
        JackStatus status;
        long until = Environment.TickCount64 + (long)patience.TotalMilliseconds;
        while (true)
        {
            client = JackClientSafeHandle.Open(options.ClientName + "-dump", options.ServerName, options.Autostart, out status);
            if (!client.IsInvalid || Environment.TickCount64 >= until)
                break;
            client.Dispose();
            Thread.Sleep(100);
        }
        using var owned = client;
        if (client.IsInvalid)
        {
            errors.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cannot reach JACK server '{options.ServerName ?? "default"}' (status 0x{(int)status:x})"));
            return false;
        }

        var physical = JackStrings.TakeList(Libjack.jack_get_ports(client, null, Libjack.DefaultAudioType,
            (nuint)(JackPortFlags.JackPortIsPhysical | JackPortFlags.JackPortIsInput)));
        var speakers = SpeakerSelection.Select(physical, options.OutputPorts);
        var music = new MusicLinks(options.MusicClientName, options.MusicLinks);
        var own = JackStrings.Read(Libjack.jack_get_client_name(client)) + ":";
        foreach (var name in JackStrings.TakeList(Libjack.jack_get_ports(client, null, null, 0)))
        {
            if (name.StartsWith(own, StringComparison.Ordinal))
            {
                continue;
            }

            var port = Libjack.jack_port_by_name(client, name);
            var flags = (JackPortFlags)Libjack.jack_port_flags(port);
            var line = new List<string> { name };
            line.Add((flags & JackPortFlags.JackPortIsInput) != 0 ? "in" : "out");
            line.Add(JackStrings.Read(Libjack.jack_port_type(port)));
            if ((flags & JackPortFlags.JackPortIsPhysical) != 0)
            {
                line.Add("physical");
            }

            var number = Array.IndexOf(physical, name);
            if (number >= 0)
            {
                line.Add(string.Create(CultureInfo.InvariantCulture, $"playback #{number + 1}"));
                line.Add(speakers.Contains(name) ? "SPEAKER" : "not a speaker");
            }

            if ((flags & JackPortFlags.JackPortIsOutput) != 0 && music.ShortName(name) is { } shortName)
            {
                var targets = music.Plan([name], speakers, speakers);
                line.Add($"MUSIC '{shortName}' -> {(targets.Count == 0 ? "(no speaker)" : string.Join(',', targets.Select(t => t.Input)))}");
            }

            output.WriteLine(string.Join("  ", line));
            foreach (var peer in JackStrings.TakeList(Libjack.jack_port_get_all_connections(client, port)))
            {
                output.WriteLine($"    connected: {peer}");
            }
        }

        return true;
    }
}
