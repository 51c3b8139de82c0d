using BriefGen.Markdown;
using BriefGen.Model;
using BriefGen.Resolve;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Scriban.Runtime;

namespace BriefGen.Render.Kinds;

/// <summary>The brief's own pages (content/pages/*.md): home and every section, with table of contents, notes and prev/next.</summary>
public sealed class ContentPages(RenderInputs inputs) : IPageKind
{
    public IEnumerable<Func<PageView>> Pages()
    {
        var order = inputs.ReadingOrder;
        for (var i = 0; i < order.Count; i++)
        {
            var index = i;
            yield return () => View(order, index);
        }
    }

    private PageView View(IReadOnlyList<Page> order, int i)
    {
        var page = order[i];
        var sitePath = SitePaths.Page(page.Id);
        var context = inputs.Page(sitePath);
        var parsed = inputs.Parsed.Pages[page.Id];
        var model = new ScriptObject
        {
            ["id"] = page.Id,
            ["kind"] = page.IsHome ? "home" : "page",
            ["title"] = page.Title,
            ["url"] = inputs.Url(sitePath),
            ["description"] = inputs.Parsed.PageSummaries.TryGetValue(page.Id, out var summaryText) ? inputs.Describe(summaryText) : null,
        };

        if (page.IsHome && inputs.Parsed.BriefSummary is { } briefSummary)
        {
            model["brief_summary"] = inputs.Inline(briefSummary, context);
        }

        model["summary"] = inputs.Parsed.PageSummaries.TryGetValue(page.Id, out var s) ? inputs.Inline(s, context) : null;
        model["body"] = inputs.Render(parsed, context);
        if (page.IsHome)
        {
            model["figures"] = FigurePages.List(inputs, context);
            model["cite"] = new ScriptObject
            {
                ["text"] = inputs.Citations.BriefHtml is { } cite ? new Html(cite) : null,
                ["style"] = inputs.Citations.Style.Style.Title ?? inputs.Citations.Style.Name,
                ["bibtex_url"] = inputs.Url(Data.BriefCitation.BibTeXPath),
                ["ris_url"] = inputs.Url(Data.BriefCitation.RisPath),
            };
        }

        model["toc"] = Toc(parsed.Document, id => inputs.Site.Find(id)?.Title);
        model["prev"] = i > 0 ? inputs.Link(order[i - 1]) : null;
        model["next"] = i < order.Count - 1 ? inputs.Link(order[i + 1]) : null;
        model["notes"] = inputs.Notes(context);
        model["mentions"] = Mentioned(page.Id);
        model["tags"] = TagPages.Links(inputs, page);
        model["date"] = page.Date?.Display;
        model["date_iso"] = page.Date?.Iso;
        model["updated"] = page.Updated?.Display;
        model["updated_iso"] = page.Updated?.Iso;
        model["json_ld"] = Data.JsonLd.For(inputs.Content.Brief, page.Title, model["description"] as string,
            inputs.SiteUrl is { } siteUrl ? siteUrl + sitePath : null, context.Quotes, inputs.Site.Find, inputs.Sources);

        var template = page.Layout != "page" ? page.Layout + ".html" : page.IsHome ? "home.html" : "page.html";
        return new PageView(sitePath, template, model);
    }

    /// <summary>The people, organizations and courts the page links to, by name.</summary>
    private ScriptArray Mentioned(string pageId)
    {
        var list = new ScriptArray();
        foreach (var entity in inputs.Mentions.From(pageId)
                     .Select(id => inputs.Entities.GetValueOrDefault(id))
                     .OfType<Entity>()
                     .Where(e => e.Kind is "person" or "organization" or "court")
                     .OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            list.Add(new ScriptObject
            {
                ["id"] = entity.Id,
                ["name"] = entity.Name,
                ["role"] = entity.Role,
                ["kind"] = entity.Kind,
                ["url"] = inputs.Url(SitePaths.Entity(entity.Id)),
            });
        }

        return list;
    }

    private static ScriptArray Toc(MarkdownDocument document, Func<string, string?> linkTitle)
    {
        var toc = new ScriptArray();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            if (heading.Level is 2 or 3 && heading.GetAttributes().Id is { } id)
            {
                toc.Add(new ScriptObject
                {
                    ["id"] = id,
                    ["level"] = heading.Level,
                    ["title"] = PlainText.Of(heading, linkTitle),
                });
            }
        }

        return toc;
    }
}
