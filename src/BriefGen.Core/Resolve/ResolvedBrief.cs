using BriefGen.Diagnostics;
using BriefGen.Markdown;
using BriefGen.Markdown.QuoteBoxes;
using BriefGen.Model;
using Markdig.Syntax;

namespace BriefGen.Resolve;

/// <summary>
/// The whole brief resolved once, before anything renders: every id, the reading order, every output page
/// that shows Markdown with its numbered notes and quote anchors, every citation use and quote box of the
/// site in one stable order, and every cross-link down to its section. Immutable; rendering reads it.
/// </summary>
public sealed class ResolvedBrief
{
    private readonly Dictionary<string, PageContext> _pages;
    private readonly ILookup<string, CitationUse> _citationsBySource;

    private ResolvedBrief(BriefContent content, ParsedBrief parsed, string baseUrl, IdIndex ids, IReadOnlyList<Page> readingOrder,
        Dictionary<string, PageContext> pages)
    {
        Content = content;
        Parsed = parsed;
        BaseUrl = baseUrl;
        Ids = ids;
        ReadingOrder = readingOrder;
        _pages = pages;
        Sources = content.Sources.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Entities = content.Entities.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Mentions = new Mentions(content, parsed, readingOrder);
        Tags = TagIndex.Of(readingOrder);

        var counted = pages.Values.Where(p => p.CountsUses).ToList();
        Citations = counted.SelectMany(p => p.Uses)
            .OrderBy(u => u.PageOrder).ThenBy(u => u.PageUrl, StringComparer.Ordinal).ThenBy(u => u.MarkId, Anchors.MarkOrder)
            .ToList();
        _citationsBySource = Citations.ToLookup(u => u.SourceId, StringComparer.Ordinal);
        Quotes = counted.SelectMany(p => p.Quotes)
            .OrderBy(q => q.PageOrder).ThenBy(q => q.PageUrl, StringComparer.Ordinal).ThenBy(q => q.Anchor, Anchors.QuoteOrder)
            .ToList();
        QuoteBoxes = parsed.All()
            .SelectMany(t => t.Document.Descendants<QuoteBlock>().Select(QuoteBox.Of).OfType<QuoteBox>().Select(b => (b, t)))
            .ToList();
    }

    public BriefContent Content { get; }

    public ParsedBrief Parsed { get; }

    /// <summary>The site root every link starts with, ending in '/'.</summary>
    public string BaseUrl { get; }

    public IdIndex Ids { get; }

    public IReadOnlyList<Page> ReadingOrder { get; }

    public IReadOnlyDictionary<string, Source> Sources { get; }

    public IReadOnlyDictionary<string, Entity> Entities { get; }

    /// <summary>The published pages by tag.</summary>
    public TagIndex Tags { get; }

    /// <summary>Every cross-link, with the page or entry and the section it stands in.</summary>
    public Mentions Mentions { get; }

    /// <summary>Every citation mark of the site (the print page's copies aside), in reading order, marks in numeric order.</summary>
    public IReadOnlyList<CitationUse> Citations { get; }

    /// <summary>Every quote box as shown on the site (the print page's copies aside), in reading order.</summary>
    public IReadOnlyList<QuoteUse> Quotes { get; }

    /// <summary>Every quote box as written, once each, with the text it stands in: what the verify stage checks.</summary>
    public IReadOnlyList<(QuoteBox Box, ParsedText Text)> QuoteBoxes { get; }

    /// <summary>The uses of one source, in reading order.</summary>
    public IEnumerable<CitationUse> CitationsOf(string sourceId) => _citationsBySource[sourceId];

    /// <summary>The resolved output page at <paramref name="sitePath"/>: its notes and quote anchors.</summary>
    public PageContext Page(string sitePath) => _pages[sitePath];

    /// <summary>Every output page that shows Markdown, by site path.</summary>
    public IReadOnlyDictionary<string, PageContext> Pages => _pages;

    /// <summary>A site path as a link: base_url + path.</summary>
    public string Url(string sitePath) => BaseUrl + sitePath;

    /// <summary>Runs the resolve stage over the parsed brief.</summary>
    public static ResolvedBrief Resolve(BriefContent content, ParsedBrief parsed, string baseUrl, DiagnosticBag diagnostics)
    {
        var ids = new IdIndex(content, diagnostics);
        var readingOrder = BriefGen.Resolve.ReadingOrder.Of(content, diagnostics);
        var pages = OutputPages.Number(content, parsed, readingOrder, baseUrl);
        var resolved = new ResolvedBrief(content, parsed, baseUrl, ids, readingOrder, pages);
        LinkChecks.Run(resolved, diagnostics);
        return resolved;
    }
}
