using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace BriefGen.Markdown.Citations;

/// <summary>
/// Renders a citation as the note marks the resolve stage gave it on this page, one per item: <c>[1]</c>
/// linking to the page's note. An in-text item (<c>@a says</c>) first names the author as the style does; in an
/// author-date style the rest of its citation, <c>(2004, p. 33)</c>, is the link to the note in place of the
/// mark. A citation the page does not know is shown as written.
/// </summary>
public sealed class CitationRenderer : HtmlObjectRenderer<CitationInline>
{
    protected override void Write(HtmlRenderer renderer, CitationInline obj)
    {
        if (renderer is BriefHtmlRenderer { Page: { } notePage } inNote && notePage.Notes.NoteOf(obj) is not null)
        {
            // Written in a footnote: part of that note's text, not a note of its own.
            if (inNote.Site?.InNote(notePage, obj) is { } text)
            {
                renderer.Write("<span class=\"cite-in-note\">").Write(text).Write("</span>");
            }
            else
            {
                renderer.WriteEscape(obj.Source);
            }

            return;
        }

        if (renderer is not BriefHtmlRenderer { Page: { } page } brief || page.Notes.MarksOf(obj) is not { } marks)
        {
            renderer.WriteEscape(obj.Source);
            return;
        }

        foreach (var mark in marks)
        {
            var inText = mark.Item?.Mode == CitationMode.AuthorInText ? brief.Site?.InText(page, mark) : null;
            if (inText is not null)
            {
                renderer.Write("<span class=\"cite-author\">").Write(inText.AuthorHtml).Write("</span>");
            }

            if (inText?.ParentheticalHtml is { } parenthetical)
            {
                renderer.Write(" <span class=\"cite cite-in-text\" id=\"").Write(mark.Id).Write("\"><a href=\"#").Write(mark.NoteId)
                    .Write("\" role=\"doc-noteref\" data-note=\"").Write(mark.NoteId).Write("\">").Write(parenthetical).Write("</a></span>");
                continue;
            }

            renderer.Write("<sup class=\"cite\" id=\"").Write(mark.Id).Write("\"><a href=\"#").Write(mark.NoteId)
                .Write("\" role=\"doc-noteref\" data-note=\"").Write(mark.NoteId).Write("\">[")
                .Write(mark.NoteNumber.ToString(CultureInfo.InvariantCulture)).Write("]</a></sup>");
        }
    }
}
