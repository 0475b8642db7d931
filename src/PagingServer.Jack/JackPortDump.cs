using System.Globalization;
using PagingServer.Jack.Interop;

namespace PagingServer.Jack;

/// <summary>The <c>--dump-jack-ports</c> listing: every port with its direction, type, physical
/// flag and connections, marked as speaker or music source under the given options.</summary>
public static class JackPortDump
{
    /// <summary>Connects a short-lived client (named after the configured one plus
    /// <c>-dump</c>), writes one block per port and returns true; writes the reason and returns
    /// false when no server answers.</summary>
    public static bool Write(JackEngineOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        using var client = JackClientSafeHandle.Open(options.ClientName + "-dump", options.ServerName, options.Autostart, out var status);
        if (client.IsInvalid)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cannot reach JACK server '{options.ServerName}' (status 0x{(int)status:x})"));
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
