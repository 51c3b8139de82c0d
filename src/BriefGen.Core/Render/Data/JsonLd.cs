using System.Text.Json;
using BriefGen.Markdown;
using BriefGen.Model;

namespace BriefGen.Render.Data;

/// <summary>
/// schema.org metadata for a page, as JSON-LD: the brief as a <c>Report</c>, its quote boxes as
/// <c>Quotation</c>s with their speaker and the source they were verified against.
/// </summary>
public static class JsonLd
{
    // The default encoder escapes '<', so the JSON cannot close its <script> element.
    private static readonly JsonWriterOptions Options = new() { Indented = false };

    public static Html For(BriefInfo brief, string title, string? description, string? absoluteUrl,
        IReadOnlyList<QuoteUse> quotes, Func<string, LinkTarget?> find, IReadOnlyDictionary<string, Source> sources)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "Report");
            json.WriteString("name", title);
            json.WriteString("headline", title);
            if (description is not null)
            {
                json.WriteString("description", description);
            }

            json.WriteString("inLanguage", brief.Language);
            if (absoluteUrl is not null)
            {
                json.WriteString("url", absoluteUrl);
            }

            if (brief.License is not null)
            {
                json.WriteString("license", brief.License);
            }

            if (brief.Date is { } date)
            {
                json.WriteString("datePublished", date.Iso);
            }

            if (brief.Authors.Count > 0)
            {
                json.WriteStartArray("author");
                foreach (var a in brief.Authors)
                {
                    json.WriteStartObject();
                    json.WriteString("@type", "Person");
                    json.WriteString("name", a.Name);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteStartObject("isPartOf");
            json.WriteString("@type", "Report");
            json.WriteString("name", brief.Title);
            json.WriteEndObject();

            if (quotes.Count > 0)
            {
                json.WriteStartArray("hasPart");
                foreach (var q in quotes)
                {
                    json.WriteStartObject();
                    json.WriteString("@type", "Quotation");
                    json.WriteString("text", q.Box.Text.Trim('“', '”', '"', ' '));
                    if (q.Box.Speaker?.Id is { } speaker && find(speaker) is { } target)
                    {
                        json.WriteStartObject("creator");
                        json.WriteString("@type", "Person");
                        json.WriteString("name", target.Title);
                        json.WriteEndObject();
                    }

                    if (q.Box.Citation?.Items[0].Key is { } key && sources.TryGetValue(key, out var source))
                    {
                        json.WriteStartObject("isBasedOn");
                        json.WriteString("@type", "CreativeWork");
                        json.WriteString("name", source.Get("title") ?? source.Id);
                        if (source.Get("URL") is { } url)
                        {
                            json.WriteString("url", url);
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return new Html(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
