using System.Globalization;
using System.Text;
using BriefGen.Markdown;
using BriefGen.Markdown.Citations;
using BriefGen.Markdown.QuoteBoxes;
using BriefGen.Markdown.WikiLinks;
using BriefGen.Render.Kinds;
using BriefGen.Resolve;
using Markdig.Syntax;

namespace BriefGen.Render;

/// <summary>
/// Everything a text's HTML on one page depends on, as one string: the text (by its parsed document), the
/// marks the page gives its citations and footnotes (and the style's text for in-text citations and citations in
/// footnotes), where its cross-links lead, and its quote boxes' anchors and captions.
/// Equal keys mean equal HTML, so the preview re-renders a page only when a key changed.
/// </summary>
public static class RenderKey
{
    public static string Of(RenderInputs inputs, ParsedText text, PageContext? page, HeadingShift shift, bool inline)
    {
        var key = new StringBuilder();
        key.Append(inputs.Markdown.IdOf(text.Document).ToString(CultureInfo.InvariantCulture))
            .Append(inline ? "|i|" : "|b|").Append(shift.Levels.ToString(CultureInfo.InvariantCulture)).Append('|').Append(shift.IdPrefix);
        foreach (var node in text.Document.Descendants())
        {
            switch (node)
            {
                case CitationInline citation:
                    key.Append("\u0001c");
                    foreach (var mark in page?.Notes.MarksOf(citation) ?? [])
                    {
                        // An in-text citation writes the author (and an author-date style's parenthetical) as the style formats it.
                        key.Append(mark.Id).Append(',');
                        if (page is not null && inputs.Site.InText(page, mark) is { } inText)
                        {
                            key.Append(inText.AuthorHtml).Append('\u0002').Append(inText.ParentheticalHtml);
                        }
                    }

                    if (page is not null && page.Notes.NoteOf(citation) is { } note)
                    {
                        key.Append("\u0002n").Append(note.Id).Append('\u0002').Append(inputs.Site.InNote(page, citation));
                    }

                    break;
                case Markdig.Extensions.Footnotes.FootnoteLink { IsBackLink: false } footnote:
                    key.Append("\u0001f").Append(page?.Notes.MarkOf(footnote)?.Id);
                    break;
                case WikiLinkInline link when inputs.Site.Find(link.Id) is { } target:
                    key.Append("\u0001l").Append(target.Url).Append('\u0002').Append(target.Title).Append('\u0002').Append(target.Kind);
                    break;
                case QuoteBlock block when QuoteBox.Of(block) is { } box:
                    key.Append("\u0001q").Append(page?.QuoteOf(block)?.Anchor);
                    if (box.Speaker is { } speaker && inputs.Site.Find(speaker.Id) is { } who)
                    {
                        key.Append('\u0002').Append(who.Role);
                    }

                    foreach (var (name, value) in QuoteModel.Check(inputs, box) ?? [])
                    {
                        key.Append('\u0002').Append(name).Append('=').Append(value as string);
                    }

                    break;
            }
        }

        return key.ToString();
    }
}
