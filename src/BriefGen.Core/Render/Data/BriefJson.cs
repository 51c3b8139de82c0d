using System.Text.Json;
using BriefGen.Markdown.Citations;
using BriefGen.Markdown.QuoteBoxes;
using BriefGen.Resolve;

namespace BriefGen.Render.Data;

/// <summary>/brief.json: the brief as data: pages, every citation with its locator, quotes, figures, entities and events.</summary>
public static class BriefJson
{
    public static byte[] Write(RenderInputs inputs, CancellationToken stop = default)
    {
        var content = inputs.Content;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, CslJson.Options))
        {
            json.WriteStartObject();
            json.WriteString("title", content.Brief.Title);
            WriteOptional(json, "subtitle", content.Brief.Subtitle);
            json.WriteString("language", content.Brief.Language);
            WriteOptional(json, "date", content.Brief.Date?.Iso);
            json.WriteString("base_url", inputs.MarkdownSite.BaseUrl);

            json.WriteStartArray("pages");
            var uses = inputs.Brief.Citations;
            var byPage = uses.ToLookup(u => u.PageUrl, StringComparer.Ordinal);
            foreach (var page in inputs.ReadingOrder)
            {
                stop.ThrowIfCancellationRequested();
                var url = inputs.Url(SitePaths.Page(page.Id));
                json.WriteStartObject();
                json.WriteString("id", page.Id);
                json.WriteString("title", page.Title);
                json.WriteString("url", url);
                json.WriteStartArray("citations");
                foreach (var use in byPage[url].OrderBy(u => u.MarkId, Anchors.MarkOrder))
                {
                    json.WriteStartObject();
                    json.WriteString("mark", use.MarkId);
                    json.WriteString("source", use.SourceId);
                    WriteLocator(json, use.Locator);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();

            // Every citation of the site, wherever it is rendered (pages, entity pages, the timeline, figures).
            json.WriteStartArray("citations");
            stop.ThrowIfCancellationRequested();
            foreach (var use in uses)
            {
                json.WriteStartObject();
                json.WriteString("url", use.PageUrl + "#" + use.MarkId);
                json.WriteString("source", use.SourceId);
                WriteLocator(json, use.Locator);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("sources");
            foreach (var source in content.Sources)
            {
                CslJson.WriteItem(json, source);
            }

            json.WriteEndArray();

            json.WriteStartArray("quotes");
            foreach (var use in inputs.Brief.Quotes)
            {
                var check = inputs.Verification.Of(use.Box);
                json.WriteStartObject();
                json.WriteString("kind", "box");
                json.WriteString("url", use.PageUrl + "#" + use.Anchor);
                WriteOptional(json, "speaker", use.SpeakerId);
                json.WriteString("text", use.Box.Text);
                if (check is not null)
                {
                    json.WriteString("source", check.SourceId);
                    WriteLocator(json, check.Locator);
                    json.WriteString("status", Kinds.QuoteModel.Status(check.Status));
                }

                json.WriteEndObject();
            }

            // Quotations of running text, where they were written (SPEC §5: boxes and running text).
            foreach (var quotation in inputs.Verification.Quotations)
            {
                json.WriteStartObject();
                json.WriteString("kind", "running");
                json.WriteString("written_at", quotation.At.ToString());
                json.WriteString("text", quotation.Text);
                if (quotation.SourceId is { } sourceId)
                {
                    json.WriteString("source", sourceId);
                    WriteLocator(json, quotation.Locator!);
                }

                json.WriteString("status", Kinds.QuoteModel.Status(quotation.Status));
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("figures");
            foreach (var figure in content.Figures)
            {
                inputs.Verification.Figures.TryGetValue(figure.Id, out var check);
                json.WriteStartObject();
                json.WriteString("id", figure.Id);
                json.WriteString("value", figure.Value);
                json.WriteString("label", figure.Label);
                if (check?.Item is { } item)
                {
                    json.WriteString("source", item.Key);
                    WriteLocator(json, item.Locator);
                }

                json.WriteBoolean("verified", check?.Verified ?? false);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("entities");
            foreach (var entity in content.Entities)
            {
                json.WriteStartObject();
                json.WriteString("id", entity.Id);
                json.WriteString("name", entity.Name);
                json.WriteString("kind", entity.Kind);
                WriteOptional(json, "role", entity.Role);
                json.WriteString("url", inputs.Url(SitePaths.Entity(entity.Id)));
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("events");
            foreach (var ev in content.Events.OrderBy(e => e.Date))
            {
                json.WriteStartObject();
                json.WriteString("id", ev.Id);
                json.WriteString("date", ev.Date.Iso);
                json.WriteString("title", ev.Title);
                json.WriteString("url", inputs.Url(SitePaths.Timeline) + "#" + ev.Id);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteLocator(Utf8JsonWriter json, Locator locator)
    {
        if (locator.Kind == LocatorKind.None)
        {
            return;
        }

        json.WriteStartObject("locator");
        json.WriteString("kind", locator.Kind.ToString().ToLowerInvariant());
        if (locator.Kind is LocatorKind.Paragraph or LocatorKind.Page && locator.Start > 0)
        {
            json.WriteNumber("start", locator.Start);
            json.WriteNumber("end", locator.End);
        }

        json.WriteString("text", locator.Display);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
