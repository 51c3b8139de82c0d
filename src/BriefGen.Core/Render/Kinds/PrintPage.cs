using BriefGen.Markdown;
using BriefGen.Resolve;
using Scriban.Runtime;

namespace BriefGen.Render.Kinds;

/// <summary>
/// /print/: the whole brief on one page for print or PDF. Notes are numbered through the whole document
/// as endnotes (resolved once, like any page's); each page's headings move one level down under its title
/// and their ids take the page's id as a prefix, so they stay unique.
/// </summary>
public sealed class PrintPage(RenderInputs inputs) : IPageKind
{
    public IEnumerable<Func<PageView>> Pages()
    {
        yield return () => View();
    }

    /// <summary>The print page's view; <paramref name="stop"/> is looked at between its notes' citations and before each page's section (the preview's follow-up, which a save interrupts).</summary>
    internal PageView View(CancellationToken stop = default)
    {
        var context = inputs.Page(SitePaths.Print);
        inputs.Citations.FormatPrint(stop); // Before the sections: an author-date style's in-text citations read the notes.
        var sections = new ScriptArray();
        foreach (var page in inputs.ReadingOrder)
        {
            stop.ThrowIfCancellationRequested();
            sections.Add(new ScriptObject
            {
                ["id"] = "section-" + page.Id,
                ["title"] = page.Title,
                ["summary"] = inputs.Parsed.PageSummaries.TryGetValue(page.Id, out var s) ? inputs.Inline(s, context) : null,
                ["body"] = inputs.Render(inputs.Parsed.Pages[page.Id], context, new HeadingShift(1, page.Id + "--")),
                ["url"] = inputs.Url(SitePaths.Page(page.Id)),
            });
        }

        stop.ThrowIfCancellationRequested();
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
            ["notes"] = inputs.Notes(context, stop),
        };
        return new PageView(SitePaths.Print, "print.html", model);
    }
}
