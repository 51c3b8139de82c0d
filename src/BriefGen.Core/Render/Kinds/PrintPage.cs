using System.Text.RegularExpressions;
using BriefGen.Resolve;
using Scriban.Runtime;

namespace BriefGen.Render.Kinds;

/// <summary>
/// /print/: the whole brief on one page for print or PDF. Notes are numbered through the whole document
/// as endnotes; heading ids are prefixed with their page's id so they stay unique.
/// </summary>
public sealed partial class PrintPage(RenderInputs inputs) : IPageKind
{
    public IEnumerable<Func<PageView>> Pages()
    {
        yield return View;
    }

    private PageView View()
    {
        var context = inputs.NewCopyPage("Print", SitePaths.Print, inputs.ReadingOrder.Count + 3);
        var sections = new ScriptArray();
        foreach (var page in inputs.ReadingOrder)
        {
            var summary = inputs.Parsed.PageSummaries.TryGetValue(page.Id, out var s) ? inputs.Inline(s, context) : null;
            var body = inputs.Render(inputs.Parsed.Pages[page.Id], context).Value;
            body = HeadingId().Replace(body, m => $"{m.Groups[1].Value}{page.Id}--{m.Groups[2].Value}\"");
            body = HeadingLevel().Replace(body, m => $"<{m.Groups[1].Value}h{int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}");
            sections.Add(new ScriptObject
            {
                ["id"] = "section-" + page.Id,
                ["title"] = page.Title,
                ["summary"] = summary,
                ["body"] = new Html(body),
                ["url"] = inputs.Url(SitePaths.Page(page.Id)),
            });
        }

        var model = new ScriptObject
        {
            ["id"] = "print",
            ["kind"] = "print",
            ["title"] = inputs.Content.Brief.Title,
            ["url"] = inputs.Url(SitePaths.Print),
            ["description"] = "The whole brief on one page, for printing or saving as PDF.",
            ["brief_summary"] = inputs.Parsed.BriefSummary is { } b ? inputs.Inline(b, context) : null,
            ["sections"] = sections,
            ["figures"] = FigurePages.List(inputs, context),
        };
        model["notes"] = inputs.Notes(context);
        return new PageView(SitePaths.Print, "print.html", model);
    }

    // Each page's headings move one level down, under the page's own title.
    [GeneratedRegex("<(/?)h([1-5])(?=[ >])")]
    private static partial Regex HeadingLevel();

    [GeneratedRegex("(<h[1-6] id=\")([^\"]+)\"")]
    private static partial Regex HeadingId();
}
