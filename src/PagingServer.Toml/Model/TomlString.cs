using System.Globalization;
using System.Text;

namespace PagingServer.Toml;

/// <summary>A TOML string, escapes already decoded.</summary>
public sealed class TomlString : TomlValue
{
    internal TomlString(string value, int line) : base(line) => Value = value;

    /// <summary>The decoded text.</summary>
    public string Value { get; }

    /// <inheritdoc/>
    public override TomlValueKind Kind => TomlValueKind.String;

    /// <summary>The value as a TOML basic string, quoted and escaped.</summary>
    public override string ToString() => Quote(Value);

    /// <summary>Writes <paramref name="text"/> as a TOML basic string (toml.io v1.0.0 "String").</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 2);
        sb.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\f': sb.Append("\\f"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (c < 0x20 || c == 0x7F)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
