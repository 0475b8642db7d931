using System.Text;
using PagingServer.Configuration.Options;

namespace PagingServer.Configuration;

/// <summary>
/// The text of `--dump-conf` (effective values, each with the file and line it came from) and of
/// `--dump-conf-defaults` (every option documented with its type, unit and default), which is
/// also paging.example.conf.
/// </summary>
internal static class ConfigDump
{
    private const int SourceColumn = 56;

    public static string Effective(ResolvedConfig config, ConfigFormat format, bool showSecrets)
    {
        string comment = ConfigSyntax.CommentPrefix(format);
        var text = new StringBuilder();
        text.Append(comment).Append(" paging ").Append(BuildInfo.Version).Append(": effective configuration");
        text.Append(config.FilesRead.Count == 0 ? " (no files read: defaults)" : $" from {string.Join(", ", config.FilesRead)}").Append('\n');
        foreach (string section in OptionCatalog.Sections)
        {
            text.Append('\n').Append('[').Append(section).Append("]\n");
            foreach (OptionSpec spec in OptionCatalog.All.Where(s => s.Section == section))
            {
                ResolvedValue resolved = config[spec];
                string value = spec.Type.Format(resolved.Value);
                if (spec.IsSecret && !showSecrets)
                    value = SecretType.Mask(value);
                string line = ConfigSyntax.Assignment(format, spec, value);
                text.Append(line.PadRight(SourceColumn - 1)).Append(' ').Append(comment).Append(' ').Append(resolved.Source).Append('\n');
            }
        }
        return text.ToString();
    }

    public static string Documented(ConfigFormat format)
    {
        string comment = ConfigSyntax.CommentPrefix(format);
        var text = new StringBuilder();
        text.Append(comment).Append(' ').Append("PagingServer configuration: every option with its default.\n");
        text.Append(comment).Append(' ').Append("Files read, later ones overriding earlier ones: paging.conf, /etc/paging.conf,\n");
        text.Append(comment).Append(' ').Append("/etc/paging.conf.d/*.conf and *.toml (in name order), callpipe.conf,\n");
        text.Append(comment).Append(' ').Append("/etc/callpipe.conf, then files named on the command line.\n");
        text.Append(comment).Append(' ').Append("`paging --dump-conf` shows the values in effect and where each was set.\n");
        foreach (string section in OptionCatalog.Sections)
        {
            text.Append("\n[").Append(section).Append("]\n");
            foreach (OptionSpec spec in OptionCatalog.All.Where(s => s.Section == section))
            {
                text.Append('\n');
                text.Append(comment).Append(' ').Append(spec.Description).Append('\n');
                text.Append(comment).Append(" (").Append(spec.Type.Describe).Append(")\n");
                text.Append(ConfigSyntax.Assignment(format, spec, spec.DefaultText)).Append('\n');
            }
        }
        return text.ToString();
    }
}
