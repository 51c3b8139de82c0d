using System.Globalization;
using BriefGen.Markdown;
using BriefGen.Model;
using BriefGen.Render.Citations;
using BriefGen.Resolve;
using Scriban.Runtime;

namespace BriefGen.Render.Kinds;

/// <summary>
/// The bibliography (/sources/) and one page per source (/sources/&lt;id&gt;/): the full reference,
/// "Cited by", and for a source with text a map of its paragraphs and what rests on each.
/// </summary>
public sealed class SourcePages(RenderInputs inputs) : IPageKind
{
    public IEnumerable<Func<PageView>> Pages()
    {
        yield return Index;
        foreach (var source in inputs.Content.Sources)
        {
            yield return () => SourcePage(source);
        }
    }

    private PageView Index()
    {
        var entries = new ScriptArray();
        foreach (var source in inputs.Citations.Bibliography)
        {
            entries.Add(new ScriptObject
            {
                ["id"] = source.Id,
                ["reference"] = new Html(inputs.Citations.ListedHtml(source)),
                ["url"] = inputs.Url(SitePaths.Source(source.Id)),
                ["cited_count"] = inputs.Brief.CitationsOf(source.Id).Count(),
                ["archive_url"] = source.ArchiveUrl,
                ["archive_date"] = source.ArchiveDate?.Iso,
                ["archive_date_display"] = source.ArchiveDate?.Display,
            });
        }

        var model = new ScriptObject
        {
            ["id"] = "sources",
            ["kind"] = "sources",
            ["title"] = "Sources",
            ["url"] = inputs.Url(SitePaths.Sources),
            ["description"] = "Every source this brief cites, in " + (inputs.Citations.Style.Style.Title ?? inputs.Citations.Style.Name) + " style.",
            ["sources"] = entries,
        };
        return new PageView(SitePaths.Sources, "sources.html", model);
    }

    private PageView SourcePage(Source source)
    {
        var uses = inputs.Brief.CitationsOf(source.Id).ToList();
        var citedBy = new ScriptArray();
        foreach (var group in uses.GroupBy(u => (u.PageUrl, u.PageTitle)))
        {
            var marks = new ScriptArray();
            var n = 0;
            foreach (var use in group)
            {
                marks.Add(new ScriptObject
                {
                    ["url"] = use.PageUrl + "#" + use.MarkId,
                    ["label"] = Anchors.BackLink(n++),
                    ["locator"] = use.Locator.Display,
                });
            }

            citedBy.Add(new ScriptObject { ["title"] = group.Key.PageTitle, ["url"] = group.Key.PageUrl, ["marks"] = marks });
        }

        var model = new ScriptObject
        {
            ["id"] = source.Id,
            ["kind"] = "source",
            ["title"] = source.Title,
            ["url"] = inputs.Url(SitePaths.Source(source.Id)),
            ["description"] = "Full reference and every citation of " + source.Title + ".",
            ["reference"] = new Html(inputs.Citations.EntryHtml(source)),
            ["bibliography_url"] = inputs.Url(SitePaths.Sources) + "#" + source.Id,
            ["source_url"] = source.Get("URL"),
            ["cited_count"] = uses.Count,
            ["cited_by"] = citedBy,
            ["has_text"] = source.Text is not null,
            ["publish_text"] = source.PublishText,
            ["paragraphs"] = source.Text is { } text ? Paragraphs(source, text, uses) : new ScriptArray(),
            ["pages"] = source.Text is { } paged ? PageMap(paged, uses) : new ScriptArray(),
            ["archive_url"] = source.ArchiveUrl,
            ["archive_date"] = source.ArchiveDate?.Iso,
            ["archive_date_display"] = source.ArchiveDate?.Display,
        };
        return new PageView(SitePaths.Source(source.Id), "source.html", model);
    }

    private static ScriptArray Paragraphs(Source source, SourceText text, IReadOnlyList<CitationUse> uses)
    {
        // The uses of each paragraph, gathered in one pass over the uses (in reading order).
        var byParagraph = new Dictionary<int, List<CitationUse>>();
        foreach (var use in uses.Where(u => u.Locator.IsParagraphs))
        {
            foreach (var p in use.Locator.Paragraphs.SelectMany(r => Enumerable.Range(Math.Max(1, r.First), Math.Max(0, Math.Min(r.Last, text.Paragraphs.Count) - Math.Max(1, r.First) + 1))).Distinct())
            {
                if (!byParagraph.TryGetValue(p, out var list))
                {
                    byParagraph[p] = list = [];
                }

                list.Add(use);
            }
        }

        var paragraphs = new ScriptArray();
        for (var p = 1; p <= text.Paragraphs.Count; p++)
        {
            var (citations, count) = CitedBy(byParagraph.GetValueOrDefault(p, []));
            paragraphs.Add(new ScriptObject
            {
                ["number"] = p,
                ["id"] = Anchors.Paragraph(p),
                ["label"] = "¶" + p.ToString(CultureInfo.InvariantCulture),
                ["text"] = source.PublishText ? text.Paragraphs[p - 1] : null,
                ["citations"] = citations,
                ["cited_count"] = count,
            });
        }

        return paragraphs;
    }

    /// <summary>The page map of a paginated source (a PDF): each page by its label, its paragraphs, and what cites it.</summary>
    private static ScriptArray PageMap(SourceText text, IReadOnlyList<CitationUse> uses)
    {
        var pages = new ScriptArray();
        if (!text.HasPages)
        {
            return pages;
        }

        // Each use's pages as physical numbers, so a range of labels (iv–2) covers the pages between.
        var ranges = uses.SelectMany(u => u.Locator.Pages.Select(r => (Use: u, First: text.FindPageLabel(r.First)?.Number, Last: text.FindPageLabel(r.Last)?.Number)))
            .Where(r => r.First is not null && r.Last is not null)
            .ToList();
        foreach (var page in text.Pages)
        {
            var (citations, count) = CitedBy(ranges.Where(r => r.First <= page.Number && page.Number <= r.Last).Select(r => r.Use).Distinct());
            var onPage = page.Paragraphs.ToList();
            pages.Add(new ScriptObject
            {
                ["number"] = page.Number,
                ["id"] = Anchors.Page(page.Label),
                ["label"] = "p. " + page.Label,
                ["paragraphs"] = onPage.Count == 0 ? null
                    : onPage.Count == 1 ? string.Create(CultureInfo.InvariantCulture, $"¶{onPage[0] + 1}")
                    : string.Create(CultureInfo.InvariantCulture, $"¶¶{onPage[0] + 1}–{onPage[^1] + 1}"),
                ["citations"] = citations,
                ["cited_count"] = count,
            });
        }

        return pages;
    }

    /// <summary>Uses grouped by the page of the brief they stand on, each with its back-link letters.</summary>
    private static (ScriptArray Citations, int Count) CitedBy(IEnumerable<CitationUse> uses)
    {
        var citations = new ScriptArray();
        var count = 0;
        foreach (var page in uses.GroupBy(u => (u.PageUrl, u.PageTitle)))
        {
            var marks = new ScriptArray();
            var n = 0;
            foreach (var use in page)
            {
                marks.Add(new ScriptObject { ["url"] = use.PageUrl + "#" + use.MarkId, ["label"] = Anchors.BackLink(n++) });
                count++;
            }

            citations.Add(new ScriptObject { ["title"] = page.Key.PageTitle, ["url"] = page.Key.PageUrl, ["marks"] = marks });
        }

        return (citations, count);
    }
}
