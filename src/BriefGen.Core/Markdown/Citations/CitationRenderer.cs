using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace BriefGen.Markdown.Citations;

/// <summary>
/// Renders a citation as numbered note marks, one per item: <c>[1]</c> linking to the page's note.
/// Without a page to hold notes, the citation is shown as written.
/// </summary>
public sealed class CitationRenderer : HtmlObjectRenderer<CitationInline>
{
    protected override void Write(HtmlRenderer renderer, CitationInline obj)
    {
        if (renderer is not BriefHtmlRenderer { Page: { } page })
        {
            renderer.WriteEscape(obj.Source);
            return;
        }

        foreach (var item in obj.Items)
        {
            var (note, markId) = page.Notes.Use(item);
            page.Record(item, markId);
            renderer.Write("<sup class=\"cite\" id=\"").Write(markId).Write("\"><a href=\"#").Write(note.Id)
                .Write("\" role=\"doc-noteref\" data-note=\"").Write(note.Id).Write("\">[")
                .Write(note.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Write("]</a></sup>");
        }
    }
}
