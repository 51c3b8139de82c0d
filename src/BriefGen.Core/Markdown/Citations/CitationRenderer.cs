using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace BriefGen.Markdown.Citations;

/// <summary>
/// Renders a citation as the note marks the resolve stage gave it on this page, one per item: <c>[1]</c>
/// linking to the page's note. A citation the page does not know is shown as written.
/// </summary>
public sealed class CitationRenderer : HtmlObjectRenderer<CitationInline>
{
    protected override void Write(HtmlRenderer renderer, CitationInline obj)
    {
        if (renderer is not BriefHtmlRenderer { Page: { } page } || page.Notes.MarksOf(obj) is not { } marks)
        {
            renderer.WriteEscape(obj.Source);
            return;
        }

        foreach (var mark in marks)
        {
            renderer.Write("<sup class=\"cite\" id=\"").Write(mark.Id).Write("\"><a href=\"#").Write(mark.NoteId)
                .Write("\" role=\"doc-noteref\" data-note=\"").Write(mark.NoteId).Write("\">[")
                .Write(mark.NoteNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)).Write("]</a></sup>");
        }
    }
}
