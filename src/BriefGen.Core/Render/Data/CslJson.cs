using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BriefGen.Csl;
using BriefGen.Model;
using BriefGen.Render.Citations;

namespace BriefGen.Render.Data;

/// <summary>
/// /sources.json: the bibliography as CSL-JSON, the format Zotero, Pandoc and citeproc read, valid against the
/// CSL-JSON schema: CSL variables only (BriefGen's own fields such as text and sha256 stay out), names and dates
/// in their object forms, categories as a list.
/// </summary>
public static class CslJson
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(IEnumerable<Source> sources) => Encoding.UTF8.GetBytes(CslItemWriter.Write(sources.Select(SourceItems.Of)));

    public static void WriteItem(Utf8JsonWriter json, Source source) => CslItemWriter.WriteItem(json, SourceItems.Of(source));
}
