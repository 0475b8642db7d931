using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PagingServer.Toml.Tests.Conformance;

/// <summary>Writes a document in toml-test's tagged JSON form (see the corpus README).</summary>
internal static class TaggedJson
{
    public static string Serialize(TomlTable root)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            Write(writer, root);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter w, TomlValue value)
    {
        switch (value)
        {
            case TomlTable table:
                w.WriteStartObject();
                foreach (var (key, item) in table)
                {
                    w.WritePropertyName(key);
                    Write(w, item);
                }

                w.WriteEndObject();
                break;
            case TomlArray array:
                w.WriteStartArray();
                foreach (var item in array)
                {
                    Write(w, item);
                }

                w.WriteEndArray();
                break;
            default:
                w.WriteStartObject();
                w.WriteString("type", TypeName(value));
                w.WriteString("value", ScalarText(value));
                w.WriteEndObject();
                break;
        }
    }

    private static string TypeName(TomlValue value) => value.Kind switch
    {
        TomlValueKind.String => "string",
        TomlValueKind.Integer => "integer",
        TomlValueKind.Float => "float",
        TomlValueKind.Boolean => "bool",
        TomlValueKind.OffsetDateTime => "datetime",
        TomlValueKind.LocalDateTime => "datetime-local",
        TomlValueKind.LocalDate => "date-local",
        TomlValueKind.LocalTime => "time-local",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.Kind, "not a scalar"),
    };

    private static string ScalarText(TomlValue value) => value switch
    {
        TomlString s => s.Value,
        TomlFloat { Value: var d } when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
        TomlDateTime dt => dt.ToCanonicalString(),
        _ => value.ToString() ?? string.Empty,
    };
}
