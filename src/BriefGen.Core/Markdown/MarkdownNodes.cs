using BriefGen.Markdown.Citations;
using BriefGen.Markdown.WikiLinks;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BriefGen.Markdown;

/// <summary>
/// The nodes of a parsed document that the passes over the whole brief look at — headings, cross-links, citations,
/// quote blocks, links, raw HTML and link reference definitions — in document order (as <c>Descendants()</c> meets
/// them). Listed once when the document is parsed, so those passes (the Markdown checks, numbering, mentions, link
/// and citation checks) read a short list instead of walking every tree again.
/// </summary>
public static class MarkdownNodes
{
    private static readonly object Key = new();

    /// <summary>The listed nodes of <paramref name="document"/>.</summary>
    public static IReadOnlyList<MarkdownObject> Of(MarkdownDocument document) =>
        document.GetData(Key) as IReadOnlyList<MarkdownObject> ?? List(document);

    /// <summary>Lists the nodes and keeps the list on the document; called once, while the document is not yet shared.</summary>
    internal static MarkdownDocument Attach(MarkdownDocument document)
    {
        document.SetData(Key, List(document));
        return document;
    }

    private static List<MarkdownObject> List(MarkdownDocument document) =>
        document.Descendants().Where(n => n is HeadingBlock or WikiLinkInline or CitationInline or QuoteBlock or LinkInline or AutolinkInline
            or HtmlBlock or HtmlInline or LinkReferenceDefinition).ToList();
}
