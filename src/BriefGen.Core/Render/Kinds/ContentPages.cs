using BriefGen.Markdown;
using BriefGen.Model;
using BriefGen.Resolve;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Scriban.Runtime;

namespace BriefGen.Render.Kinds;

/// <summary>The brief's own pages (content/pages/*.md): home and every section, with table of contents and prev/next.</summary>
public sealed class ContentPages(RenderInputs inputs)
{
    public IEnumerable<PageView> Views()
    {
        var order = inputs.ReadingOrder;
        for (var i = 0; i < order.Count; i++)
        {
            var page = order[i];
            var parsed = inputs.Parsed.Pages[page.Id];
            var model = new ScriptObject
            {
                ["id"] = page.Id,
                ["kind"] = page.IsHome ? "home" : "page",
                ["title"] = page.Title,
                ["url"] = inputs.Url(SitePaths.Page(page.Id)),
                ["summary"] = inputs.Parsed.PageSummaries.TryGetValue(page.Id, out var s) ? inputs.Inline(s) : null,
                ["body"] = new Html(inputs.Markdown.Render(parsed.Document, inputs.MarkdownSite)),
                ["toc"] = Toc(parsed.Document),
                ["prev"] = i > 0 ? inputs.Link(order[i - 1]) : null,
                ["next"] = i < order.Count - 1 ? inputs.Link(order[i + 1]) : null,
            };
            var template = page.Layout != "page" ? page.Layout + ".html" : page.IsHome ? "home.html" : "page.html";
            yield return new PageView(SitePaths.Page(page.Id), template, page.Title, PlainSummary(page), model);
        }
    }

    private static ScriptArray Toc(MarkdownDocument document)
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
                    ["title"] = PlainText.Of(heading),
                });
            }
        }

        return toc;
    }

    private static string? PlainSummary(Page page) => page.Summary?.Value;
}
