using System.Globalization;
using Markdig.Extensions.Footnotes;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace BriefGen.Markdown.Footnotes;

/// <summary>
/// A footnote reference as the mark the resolve stage gave it on this page (<c>[2]</c>, linking to note 2),
/// written as a citation's mark is; Markdig's own back-links inside the footnote are not written (the Notes
/// list has its own).
/// </summary>
public sealed class FootnoteMarkRenderer : HtmlObjectRenderer<FootnoteLink>
{
    protected override void Write(HtmlRenderer renderer, FootnoteLink link)
    {
        if (link.IsBackLink)
        {
            return;
        }

        if (renderer is not BriefHtmlRenderer { Page: { } page } || page.Notes.MarkOf(link) is not { } mark)
        {
            // Not on a resolved page (a preview of a lone text): the footnote's label as written.
            renderer.Write("<sup>").WriteEscape(link.Footnote?.Label ?? "").Write("</sup>");
            return;
        }

        renderer.Write("<sup class=\"cite footnote-ref\" id=\"").Write(mark.Id).Write("\"><a href=\"#").Write(mark.NoteId)
            .Write("\" role=\"doc-noteref\" data-note=\"").Write(mark.NoteId).Write("\">[")
            .Write(mark.NoteNumber.ToString(CultureInfo.InvariantCulture)).Write("]</a></sup>");
    }
}

/// <summary>Writes nothing: the footnotes' texts stand in the page's Notes list.</summary>
public sealed class FootnoteGroupRenderer : HtmlObjectRenderer<FootnoteGroup>
{
    protected override void Write(HtmlRenderer renderer, FootnoteGroup group)
    {
    }
}
