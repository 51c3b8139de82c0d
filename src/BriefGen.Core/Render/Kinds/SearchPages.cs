using System.Text.Json;
using BriefGen.Markdown;
using BriefGen.Resolve;
using Markdig.Syntax;
using Scriban.Runtime;

namespace BriefGen.Render.Kinds;

/// <summary>
/// /search/ and its prebuilt index, a script that defines the documents (pages, entities, quotes,
/// sources), so search works offline, from any base_url, even from the file system.
/// </summary>
public sealed class SearchPages(RenderInputs inputs) : IPageKind
{
    public const string IndexPath = "assets/search-index.js";

    public IEnumerable<Func<PageView>> Pages()
    {
        yield return () => new PageView(SitePaths.Search, "search.html", new ScriptObject
        {
            ["id"] = "search",
            ["kind"] = "search",
            ["title"] = "Search",
            ["url"] = inputs.Url(SitePaths.Search),
            ["description"] = "Search the pages, people, organizations, quotes and sources of this brief.",
            ["index_url"] = inputs.Url(IndexPath),
        });
    }

    /// <summary>The search index: one entry per page, entity, quote and source, with its words.</summary>
    public static byte[] Index(RenderInputs inputs, CancellationToken stop = default)
    {
        using var buffer = new MemoryStream();
        buffer.Write("window.BRIEFGEN_SEARCH="u8);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();

            // The words of pages, the costly part, are gathered side by side a batch at a time (so that not every
            // page's words are held at once) and written in reading order.
            var order = inputs.ReadingOrder;
            for (var start = 0; start < order.Count; start += PageBatch)
            {
                stop.ThrowIfCancellationRequested();
                var batch = Enumerable.Range(start, Math.Min(PageBatch, order.Count - start)).AsParallel().AsOrdered()
                    .Select(i => PlainText.Squash((order[i].Summary?.Value ?? "") + " " + Text(inputs, inputs.Parsed.Pages[order[i].Id].Document) +
                                        (order[i].Tags.Count > 0 ? " " + string.Join(' ', order[i].Tags) : "")))
                    .ToList();
                for (var k = 0; k < batch.Count; k++)
                {
                    var page = order[start + k];
                    Entry(json, "Page", page.Title, inputs.Url(SitePaths.Page(page.Id)), batch[k]);
                }
            }

            foreach (var entity in inputs.Content.Entities)
            {
                Entry(json, "Entity", entity.Name, inputs.Url(SitePaths.Entity(entity.Id)),
                    PlainText.Squash(string.Join(' ', entity.Aliases) + " " + entity.Role + " " +
                           (inputs.Parsed.EntityDescriptions.TryGetValue(entity.Id, out var d) ? Text(inputs, d.Document) : "")));
            }

            foreach (var quote in inputs.Brief.Quotes)
            {
                var speaker = quote.SpeakerId is { } s && inputs.Site.Find(s) is { } t ? t.Title : "";
                Entry(json, "Quote", speaker.Length > 0 ? $"{speaker}, in {quote.PageTitle}" : quote.PageTitle,
                    quote.PageUrl + "#" + quote.Anchor, PlainText.Squash(quote.Box.Text));
            }

            foreach (var source in inputs.Content.Sources)
            {
                Entry(json, "Source", source.Title, inputs.Url(SitePaths.Source(source.Id)),
                    PlainText.Squash(inputs.Citations.EntryText(source) + " " + source.Get("title-short")));
            }

            json.WriteEndArray();
        }

        buffer.Write(";\n"u8);
        return buffer.ToArray();
    }

    private const int PageBatch = 256;

    /// <summary>One entry; <paramref name="words"/> already squashed (<see cref="PlainText.Squash"/>).</summary>
    private static void Entry(Utf8JsonWriter json, string kind, string title, string url, string words)
    {
        json.WriteStartObject();
        json.WriteString("k", kind);
        json.WriteString("t", title);
        json.WriteString("u", url);
        json.WriteString("x", words);
        json.WriteEndObject();
    }

    /// <summary>The words of a document, without markup, citations or link syntax.</summary>
    private static string Text(RenderInputs inputs, MarkdownDocument document) => PlainText.Of(document, id => inputs.Site.Find(id)?.Title);
}
