using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace BriefGen.Markdown.Citations;

/// <summary>
/// Renders a citation as the note marks the resolve stage gave it on this page, one per item: <c>[1]</c>
/// linking to the page's note. An in-text item (<c>@a says</c>) first names the author as the style does; in an
/// author-date style the rest of its citation, <c>(2004, p. 33)</c>, is the link to the note in place of the
/// mark. In an author-date style a bracketed citation is its parenthetical, "(Doe, 2020, p. 4)", each item linking
/// to its note. A citation the page does not know is shown as written.
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

        if (!obj.InText && Parentheticals(brief, page, marks) is { } parentheticals)
        {
            WriteParenthetical(renderer, marks, parentheticals);
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

            WriteMark(renderer, mark);
        }
    }

    /// <summary>The running-text form of each mark in an author-date style; null in a note style (numbered marks).</summary>
    private static string[]? Parentheticals(BriefHtmlRenderer renderer, PageContext page, IReadOnlyList<CitationMark> marks)
    {
        var texts = marks.Select(m => renderer.Site?.Parenthetical(page, m)).ToArray();
        return texts.Length > 0 && texts.All(t => t is not null) ? texts.Select(t => t!).ToArray() : null;
    }

    /// <summary>
    /// An author-date citation in the text, one link per item to its note: "(Doe, 2020, p. 4; Roe, 2019)". Each item's
    /// own parentheses give way to one pair around the citation, as the style's citation layout has them.
    /// </summary>
    private static void WriteParenthetical(HtmlRenderer renderer, IReadOnlyList<CitationMark> marks, string[] texts)
    {
        var enclosed = texts.All(t => t.StartsWith('(') && t.EndsWith(')'));
        if (enclosed)
        {
            renderer.Write("(");
        }

        for (var i = 0; i < marks.Count; i++)
        {
            var mark = marks[i];
            if (i > 0)
            {
                renderer.Write(enclosed ? "; " : " ");
            }

            renderer.Write("<span class=\"cite cite-in-text\" id=\"").Write(mark.Id).Write("\"><a href=\"#").Write(mark.NoteId)
                .Write("\" role=\"doc-noteref\" data-note=\"").Write(mark.NoteId).Write("\">").Write(enclosed ? texts[i][1..^1] : texts[i]).Write("</a></span>");
        }

        if (enclosed)
        {
            renderer.Write(")");
        }
    }

    private static void WriteMark(HtmlRenderer renderer, CitationMark mark) =>
        renderer.Write("<sup class=\"cite\" id=\"").Write(mark.Id).Write("\"><a href=\"#").Write(mark.NoteId)
            .Write("\" role=\"doc-noteref\" data-note=\"").Write(mark.NoteId).Write("\">[")
            .Write(mark.NoteNumber.ToString(CultureInfo.InvariantCulture)).Write("]</a></sup>");
}
