using System.Collections.Frozen;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BriefGen.Csl;

/// <summary>
/// Writes items as CSL-JSON valid against the CSL-JSON input schema: keys in ordinal order,
/// <c>categories</c> as a list, names and dates in their object forms, and only the schema's
/// fields (variables the schema does not know are left out; its older spellings are used for
/// <c>part-number</c>, <c>printing-number</c> and <c>supplement-number</c>).
/// </summary>
public static class CslItemWriter
{
    private static readonly FrozenDictionary<string, string> SchemaSpelling = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["part-number"] = "part",
        ["printing-number"] = "printing",
        ["supplement-number"] = "supplement",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SchemaFields = FrozenSet.Create(StringComparer.Ordinal,
        "DOI", "ISBN", "ISSN", "PMCID", "PMID", "URL", "abstract", "annote", "archive", "archive-place",
        "archive_collection", "archive_location", "authority", "call-number", "chapter-number",
        "citation-key", "citation-label", "citation-number", "collection-number", "collection-title",
        "container-title", "container-title-short", "dimensions", "division", "edition", "event",
        "event-place", "event-title", "first-reference-note-number", "genre", "issue", "jurisdiction",
        "keyword", "language", "locator", "medium", "note", "number", "number-of-pages",
        "number-of-volumes", "original-publisher", "original-publisher-place", "original-title", "page",
        "page-first", "part", "part-title", "printing", "publisher", "publisher-place", "references",
        "reviewed-genre", "reviewed-title", "scale", "section", "source", "status", "supplement", "title",
        "title-short", "version", "volume", "volume-title", "volume-title-short", "year-suffix");

    /// <summary>True when the schema has a field for this variable (after the schema's own spellings).</summary>
    public static bool IsExported(string variable) =>
        SchemaFields.Contains(SchemaSpelling.GetValueOrDefault(variable, variable))
        || CslVariables.NameVariables.Contains(variable) || CslVariables.DateVariables.Contains(variable);

    /// <summary>The items as an indented CSL-JSON array (UTF-8 text, LF line ends, trailing newline).</summary>
    public static string Write(IEnumerable<CslItem> items)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions
               { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            w.WriteStartArray();
            foreach (var item in items) WriteItem(w, item);
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    /// <summary>Writes one item object.</summary>
    public static void WriteItem(Utf8JsonWriter w, CslItem item)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(item);
        var fields = new SortedDictionary<string, Action>(StringComparer.Ordinal)
        {
            ["id"] = () => w.WriteStringValue(item.Id),
            ["type"] = () => w.WriteStringValue(item.Type),
        };
        foreach (var (k, v) in item.Variables)
        {
            var key = SchemaSpelling.GetValueOrDefault(k, k);
            if (SchemaFields.Contains(key)) fields[key] = () => w.WriteStringValue(v);
        }
        foreach (var (k, names) in item.Names)
            fields[k] = () =>
            {
                w.WriteStartArray();
                foreach (var n in names) WriteName(w, n);
                w.WriteEndArray();
            };
        foreach (var (k, d) in item.Dates) fields[k] = () => WriteDate(w, d);
        if (item.Categories.Count > 0)
            fields["categories"] = () =>
            {
                w.WriteStartArray();
                foreach (var c in item.Categories) w.WriteStringValue(c);
                w.WriteEndArray();
            };
        w.WriteStartObject();
        foreach (var (k, write) in fields)
        {
            w.WritePropertyName(k);
            write();
        }
        w.WriteEndObject();
    }

    private static void WriteName(Utf8JsonWriter w, CslName n)
    {
        w.WriteStartObject();
        void S(string k, string? v) { if (!string.IsNullOrEmpty(v)) w.WriteString(k, v); }
        if (n.CommaSuffix) w.WriteBoolean("comma-suffix", true);
        S("dropping-particle", n.DroppingParticle);
        S("family", n.Family);
        S("given", n.Given);
        S("literal", n.Literal);
        S("non-dropping-particle", n.NonDroppingParticle);
        if (n.StaticOrdering) w.WriteBoolean("static-ordering", true);
        S("suffix", n.Suffix);
        w.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter w, CslDate d)
    {
        w.WriteStartObject();
        if (d.Circa) w.WriteBoolean("circa", true);
        if (d.Parts.Count > 0)
        {
            w.WriteStartArray("date-parts");
            foreach (var p in d.Parts)
            {
                w.WriteStartArray();
                w.WriteNumberValue(p.Year);
                if (p.Month is { } m) w.WriteNumberValue(m);
                if (p.Month is not null && p.Day is { } day) w.WriteNumberValue(day);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        if (!string.IsNullOrEmpty(d.Literal)) w.WriteString("literal", d.Literal);
        if (!string.IsNullOrEmpty(d.Raw)) w.WriteString("raw", d.Raw);
        if (!string.IsNullOrEmpty(d.Season)) w.WriteString("season", d.Season);
        w.WriteEndObject();
    }
}
