using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BriefGen.Markdown.Citations;

/// <summary>
/// Moves citations written inside a link's text (<c>[a link [@a] in text](…)</c>) or an image's description to
/// just after the link: a note mark is a link itself, and a link inside a link is invalid HTML.
/// </summary>
public static class CitationsInLinks
{
    public static void MoveOut(MarkdownDocument document)
    {
        foreach (var citation in document.Descendants<CitationInline>().ToList())
        {
            if (OutermostLink(citation) is not { } link)
            {
                continue;
            }

            var before = citation.PreviousSibling as LiteralInline;
            var after = citation.NextSibling as LiteralInline;
            var parent = citation.Parent;
            citation.Remove();

            // A link whose whole text was the citation ("[@a](…)") keeps it as written, not an empty link.
            if (parent is { FirstChild: null })
            {
                parent.AppendChild(new LiteralInline(citation.Source));
            }

            if (before is not null && (after is null || StartsWithSpace(after)))
            {
                var content = before.Content;
                content.TrimEnd();
                before.Content = content;
            }

            // After the link and after any citation already moved out of it, in reading order.
            Inline anchor = link;
            while (anchor.NextSibling is CitationInline { MovedOutOfLink: true } moved)
            {
                anchor = moved;
            }

            anchor.InsertAfter(citation);
            citation.MovedOutOfLink = true;
        }
    }

    private static LinkInline? OutermostLink(Inline inline)
    {
        LinkInline? found = null;
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline link)
            {
                found = link;
            }
        }

        return found;
    }

    private static bool StartsWithSpace(LiteralInline literal) =>
        literal.Content.Length > 0 && char.IsWhiteSpace(literal.Content.Text[literal.Content.Start]);
}
