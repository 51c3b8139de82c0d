using System.Text.Encodings.Web;
using System.Text.Json;
using BriefGen.Model;

namespace BriefGen.Render.Data;

/// <summary>/sources.json: the bibliography as CSL-JSON, the format Zotero, Pandoc and citeproc read.</summary>
public static class CslJson
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(IEnumerable<Source> sources)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartArray();
            foreach (var source in sources)
            {
                WriteItem(json, source);
            }

            json.WriteEndArray();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    public static void WriteItem(Utf8JsonWriter json, Source source)
    {
        json.WriteStartObject();
        foreach (var (key, value) in source.Csl)
        {
            json.WritePropertyName(key);
            switch (value)
            {
                case PartialDate date:
                    json.WriteStartObject();
                    json.WritePropertyName("date-parts");
                    json.WriteStartArray();
                    json.WriteStartArray();
                    foreach (var part in date.Parts)
                    {
                        json.WriteNumberValue(part);
                    }

                    json.WriteEndArray();
                    json.WriteEndArray();
                    json.WriteEndObject();
                    break;
                case List<object> names:
                    json.WriteStartArray();
                    foreach (var name in names.OfType<IReadOnlyList<KeyValuePair<string, object>>>())
                    {
                        json.WriteStartObject();
                        foreach (var (part, text) in name)
                        {
                            json.WriteString(part, text as string);
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    break;
                default:
                    json.WriteStringValue(value as string ?? "");
                    break;
            }
        }

        json.WriteEndObject();
    }
}
