using BriefGen.Markdown;
using BriefGen.Markdown.Citations;
using BriefGen.Markdown.QuoteBoxes;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;

namespace BriefGen.Resolve;

/// <summary>
/// Numbers one output page: walks the Markdown texts it shows, in the order they appear on it, and gives
/// every citation its note and mark and every quote box its anchor — as Markdig's footnote parser gives each
/// footnote its <c>Order</c> while parsing. Rendering then only reads the result.
/// </summary>
public static class PageNumbering
{
    /// <summary>The resolved page for <paramref name="texts"/>, shown in that order on the page at <paramref name="sitePath"/>.</summary>
    public static PageContext Of(string title, string sitePath, string url, int order, IEnumerable<ParsedText> texts, bool countsUses = true)
    {
        var page = new PageContext(title, sitePath, url, order, countsUses);
        var notes = new Dictionary<(string, LocatorTerm, string, string, string, CitationMode), Note>();
        var footnotes = new Dictionary<Footnote, Note>(ReferenceEqualityComparer.Instance);
        foreach (var text in texts)
        {
            foreach (var node in MarkdownNodes.NumberedOf(text.Document))
            {
                switch (node)
                {
                    case FootnoteLink { IsBackLink: false, Footnote: { } footnote } link when page.Notes.MarkOf(link) is null:
                        Number(page, footnotes, link, footnote, text);
                        break;
                    case QuoteBlock block when QuoteBox.Of(block) is { } box && !page.Has(block):
                        page.Add(block, new QuoteUse(box, title, url, Anchors.Quote(page.Quotes.Count + 1), order, text.Origin.At(block)));
                        break;
                    case CitationInline citation when !page.Notes.Has(citation):
                        Number(page, notes, citation, text);
                        break;
                }
            }
        }

        return page;
    }

    private static void Number(PageContext page, Dictionary<Footnote, Note> footnotes, FootnoteLink link, Footnote footnote, ParsedText text)
    {
        if (!footnotes.TryGetValue(footnote, out var note))
        {
            var number = page.Notes.Notes.Count + 1;
            var citations = footnote.Descendants<CitationInline>().ToList();
            note = new Note(number, Anchors.Note(number), footnote, citations);
            footnotes.Add(footnote, note);
            page.Notes.Add(note);

            // Its citations are part of the note: each use points at the note itself.
            foreach (var citation in citations)
            {
                page.Notes.AddInNote(citation, note);
                foreach (var item in citation.Items)
                {
                    page.Add(new CitationUse(item.Key, item.Locator, page.Title, page.Url, note.Id, page.Order, note.Number, "",
                        text.Origin.At(item.Line, item.Column)));
                }
            }
        }

        var mark = new CitationMark(Anchors.Mark(note.Number, note.Marks.Count + 1), note.Number, note.Id, Anchors.BackLink(note.Marks.Count), null);
        note.Add(mark);
        page.Notes.Add(link, mark);
    }

    private static void Number(PageContext page, Dictionary<(string, LocatorTerm, string, string, string, CitationMode), Note> notes,
        CitationInline citation, ParsedText text)
    {
        var marks = new List<CitationMark>(citation.Items.Count);
        foreach (var item in citation.Items)
        {
            // The display makes ¶4 and para. 4 one note.
            var key = (item.Key, item.Locator.Term, item.Locator.Display, item.Prefix, item.Suffix, item.Mode);
            if (!notes.TryGetValue(key, out var note))
            {
                var number = page.Notes.Notes.Count + 1;
                note = new Note(number, Anchors.Note(number), item);
                notes.Add(key, note);
                page.Notes.Add(note);
            }

            var mark = new CitationMark(Anchors.Mark(note.Number, note.Marks.Count + 1), note.Number, note.Id,
                Anchors.BackLink(note.Marks.Count), item);
            note.Add(mark);
            marks.Add(mark);
            page.Add(new CitationUse(item.Key, item.Locator, page.Title, page.Url, mark.Id, page.Order, note.Number, mark.BackLink,
                text.Origin.At(item.Line, item.Column)));
        }

        page.Notes.Add(citation, marks);
    }
}
