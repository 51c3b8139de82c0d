using BriefGen.Markdown.Citations;
using BriefGen.Markdown.WikiLinks;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BriefGen.Markdown.QuoteBoxes;

/// <summary>
/// A blockquote whose last line is an em-dash attribution: <c>— [[speaker]], context [@source, ¶N]</c>.
/// Attached to its <see cref="QuoteBlock"/>; the attribution's inlines are moved out of the quote.
/// </summary>
public sealed class QuoteBox
{
    public required QuoteBlock Block { get; init; }

    /// <summary>The quoted words as plain text, for matching against the source.</summary>
    public required string Text { get; init; }

    /// <summary>The attribution after the em dash. It stays in the document (so its links and citation are checked) but renders only in the caption.</summary>
    public required AttributionInline Attribution { get; init; }

    /// <summary>The first cross-link of the attribution: who is quoted.</summary>
    public WikiLinkInline? Speaker => Find<WikiLinkInline>(Attribution);

    /// <summary>The citation of the attribution: where the words are.</summary>
    public CitationInline? Citation => Find<CitationInline>(Attribution);

    /// <summary>Markdig line and column (0-based) of the attribution's em dash.</summary>
    public required int AttributionLine { get; init; }

    public required int AttributionColumn { get; init; }

    public static QuoteBox? Of(QuoteBlock block) => block.GetData(typeof(QuoteBox)) as QuoteBox;

    private static T? Find<T>(ContainerInline container)
        where T : Inline
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is T found)
            {
                return found;
            }

            if (child is ContainerInline inner && Find<T>(inner) is { } deeper)
            {
                return deeper;
            }
        }

        return null;
    }
}

/// <summary>The em-dash attribution line of a quote box, wrapped where it stood.</summary>
public sealed class AttributionInline : ContainerInline;

/// <summary>What verification found for a quote box.</summary>
public enum QuoteStatus
{
    Verified,
    Unverifiable,
    Misquoted,

    /// <summary>The words are in the source, but the locator names no paragraph or page that could be checked.</summary>
    LocatorNotChecked,

    /// <summary>A quotation in running text in a paragraph that cites nothing.</summary>
    Unsourced,
}

/// <summary>A quote box's verification: its status and the source and passage it was checked against.</summary>
public sealed record QuoteCheck(QuoteStatus Status, string SourceId, Locator Locator);
