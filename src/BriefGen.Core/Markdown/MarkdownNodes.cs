using BriefGen.Markdown.Citations;
using BriefGen.Markdown.WikiLinks;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BriefGen.Markdown;

/// <summary>
/// The nodes of a parsed document that the passes over the whole brief look at — headings, cross-links, citations,
/// quote blocks, links, raw HTML, link reference definitions and text that may be an undefined footnote reference — in document order (as <c>Descendants()</c> meets
/// them). Listed once when the document is parsed, so those passes (the Markdown checks, numbering, mentions, link
/// and citation checks) read a short list instead of walking every tree again.
/// </summary>
public static class MarkdownNodes
{
    private static readonly object Key = new();
    private static readonly object LinksKey = new();
    private static readonly object NumberedKey = new();

    /// <summary>The listed nodes of <paramref name="document"/>.</summary>
    public static IReadOnlyList<MarkdownObject> Of(MarkdownDocument document) =>
        document.GetData(Key) as IReadOnlyList<MarkdownObject> ?? List(document);

    /// <summary>The document's cross-links with the heading section each stands in, and the keys it cites, in order.</summary>
    public static DocumentLinks LinksOf(MarkdownDocument document) =>
        document.GetData(LinksKey) as DocumentLinks ?? Links(Of(document));

    /// <summary>
    /// What numbering reads, in document order: footnote references, quote blocks and citations, leaving out what
    /// stands inside a footnote's text (a footnote is numbered where its first reference stands, not where Markdig
    /// keeps its text, at the end).
    /// </summary>
    public static IReadOnlyList<MarkdownObject> NumberedOf(MarkdownDocument document) =>
        document.GetData(NumberedKey) as IReadOnlyList<MarkdownObject> ?? Numbered(document);

    /// <summary>Lists the nodes and keeps the list on the document; called once, while the document is not yet shared.</summary>
    internal static MarkdownDocument Attach(MarkdownDocument document)
    {
        var nodes = List(document);
        document.SetData(Key, nodes);
        document.SetData(LinksKey, Links(nodes));
        document.SetData(NumberedKey, Numbered(document));
        return document;
    }

    private static List<MarkdownObject> Numbered(MarkdownDocument document)
    {
        var inFootnotes = new HashSet<MarkdownObject>(document.Descendants<Markdig.Extensions.Footnotes.FootnoteGroup>().SelectMany(g => g.Descendants()),
            ReferenceEqualityComparer.Instance);
        return document.Descendants()
            .Where(n => n is Markdig.Extensions.Footnotes.FootnoteLink or QuoteBlock or CitationInline && !inFootnotes.Contains(n))
            .ToList();
    }

    private static DocumentLinks Links(IReadOnlyList<MarkdownObject> nodes)
    {
        var links = new List<SectionLink>();
        var cited = new List<string>();
        string? section = null, sectionTitle = null;
        foreach (var node in nodes)
        {
            switch (node)
            {
                case HeadingBlock heading when Markdig.Renderers.Html.HtmlAttributesExtensions.GetAttributes(heading).Id is { } id:
                    section = id;
                    sectionTitle = PlainText.Of(heading);
                    break;
                case WikiLinkInline link:
                    links.Add(new SectionLink(link, section, sectionTitle));
                    break;
                case CitationInline citation:
                    cited.AddRange(citation.Items.Select(i => i.Key));
                    break;
            }
        }

        return new DocumentLinks(links, cited);
    }

    private static List<MarkdownObject> List(MarkdownDocument document) =>
        document.Descendants().Where(n => n is HeadingBlock or WikiLinkInline or CitationInline or QuoteBlock or LinkInline or AutolinkInline
            or HtmlBlock or HtmlInline or LinkReferenceDefinition || MaybeFootnoteReference(n)).ToList();

    /// <summary>Text ending in '[' followed by text starting with '^': how Markdig leaves a <c>[^x]</c> that names no footnote.</summary>
    private static bool MaybeFootnoteReference(MarkdownObject node) =>
        node is LiteralInline { Content: { Length: > 0 } content, NextSibling: LiteralInline { Content: { Length: > 0 } next } } &&
        content.Text[content.End] == '[' && next.Text[next.Start] == '^';
}

/// <summary>A cross-link and the heading whose section it stands in (none before the first heading).</summary>
public sealed record SectionLink(WikiLinkInline Link, string? Section, string? SectionTitle);

/// <summary>What a document links to: its cross-links with their sections, and every source key it cites, in order.</summary>
public sealed record DocumentLinks(IReadOnlyList<SectionLink> CrossLinks, IReadOnlyList<string> CitedKeys);
