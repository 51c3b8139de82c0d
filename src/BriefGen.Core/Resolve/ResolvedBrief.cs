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
    private readonly Lazy<PageContext> _print;
    private readonly Lazy<IReadOnlyList<CitationUse>> _citations;
    private readonly Lazy<ILookup<string, CitationUse>> _citationsBySource;
    private readonly Lazy<IReadOnlyList<QuoteUse>> _quotes;
    private readonly Lazy<ILookup<string, QuoteUse>> _quotesBySpeaker;

    private ResolvedBrief(BriefContent content, ParsedBrief parsed, string baseUrl, IdIndex ids, IReadOnlyList<Page> readingOrder,
        Dictionary<string, PageContext> pages, Func<PageContext> print, ResolveCache? cache)
    {
        _print = new Lazy<PageContext>(print, LazyThreadSafetyMode.ExecutionAndPublication);
        Content = content;
        Parsed = parsed;
        BaseUrl = baseUrl;
        Ids = ids;
        ReadingOrder = readingOrder;
        _pages = pages;
        Sources = content.Sources.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Entities = content.Entities.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var mentions = Task.Run(() => BriefGen.Resolve.Mentions.Of(content, parsed, readingOrder, cache)); // Beside the lists below, which do not need it.
        Tags = cache is null ? TagIndex.Of(readingOrder) : cache.Tags.Of(readingOrder);

        // Pages in reading order, then each page's marks and quotes in numeric order (a page's uses share its order and URL).
        // Listed when first asked for: a preview that renders only an edited page does not walk every page's uses.
        var counted = new Lazy<List<PageContext>>(
            () => pages.Values.Where(p => p.CountsUses).OrderBy(p => p.Order).ThenBy(p => p.Url, StringComparer.Ordinal).ToList());
        _citations = new Lazy<IReadOnlyList<CitationUse>>(() => counted.Value.SelectMany(p => p.UsesInMarkOrder).ToList());
        _citationsBySource = new Lazy<ILookup<string, CitationUse>>(() => _citations.Value.ToLookup(u => u.SourceId, StringComparer.Ordinal));
        _quotes = new Lazy<IReadOnlyList<QuoteUse>>(() => counted.Value.SelectMany(p => p.QuotesInOrder).ToList());
        _quotesBySpeaker = new Lazy<ILookup<string, QuoteUse>>(() => _quotes.Value.Where(q => q.SpeakerId is not null).ToLookup(q => q.SpeakerId!, StringComparer.Ordinal));
        var boxes = cache?.QuoteBoxes;
        var texts = parsed.All();
        boxes?.Begin(texts.Count, "");
        _boxesIn = new IReadOnlyList<QuoteBox>[texts.Count];
        for (var slot = 0; slot < texts.Count; slot++)
        {
            var t = texts[slot];
            _boxesIn[slot] = TextMemo<IReadOnlyList<QuoteBox>>.Read(boxes, slot, t, "", t, static t => BoxesOf(t));
        }

        // Listed when first asked for (the build's summary counts them): the verify stage reads each text's boxes by place.
        _quoteBoxes = new Lazy<IReadOnlyList<(QuoteBox, ParsedText)>>(() =>
            [.. Enumerable.Range(0, texts.Count).SelectMany(slot => _boxesIn[slot].Select(box => (box, texts[slot])))]);
        boxes?.End();
        Mentions = mentions.GetAwaiter().GetResult();
    }

    private static IReadOnlyList<QuoteBox> BoxesOf(ParsedText text)
    {
        var boxes = MarkdownNodes.Of(text.Document).OfType<QuoteBlock>().Select(QuoteBox.Of).OfType<QuoteBox>().ToList();
        return boxes.Count == 0 ? [] : boxes;
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
    public IReadOnlyList<CitationUse> Citations => _citations.Value;

    /// <summary>Every quote box as shown on the site (the print page's copies aside), in reading order.</summary>
    public IReadOnlyList<QuoteUse> Quotes => _quotes.Value;

    /// <summary>The quotes of each speaker (by entity id), in the order of <see cref="Quotes"/>: found once, not per entity.</summary>
    public ILookup<string, QuoteUse> QuotesBySpeaker => _quotesBySpeaker.Value;

    /// <summary>Every quote box as written, once each, with the text it stands in: what the verify stage checks.</summary>
    public IReadOnlyList<(QuoteBox Box, ParsedText Text)> QuoteBoxes => _quoteBoxes.Value;

    private readonly Lazy<IReadOnlyList<(QuoteBox Box, ParsedText Text)>> _quoteBoxes;

    private readonly IReadOnlyList<QuoteBox>[] _boxesIn;

    /// <summary>The quote boxes of the text at <paramref name="slot"/> of <see cref="ParsedBrief.All"/>, in the order they are written.</summary>
    public IReadOnlyList<QuoteBox> BoxesIn(int slot) => _boxesIn[slot];

    /// <summary>The uses of one source, in reading order.</summary>
    public IEnumerable<CitationUse> CitationsOf(string sourceId) => _citationsBySource.Value[sourceId];

    /// <summary>The resolved output page at <paramref name="sitePath"/>: its notes and quote anchors.</summary>
    public PageContext Page(string sitePath) => sitePath == SitePaths.Print ? _print.Value : _pages[sitePath];

    /// <summary>Every output page that shows Markdown but the print page, which repeats them.</summary>
    public IEnumerable<PageContext> NumberedPages => _pages.Values;

    /// <summary>The print page, numbered when first asked for.</summary>
    public PageContext PrintPage => _print.Value;

    /// <summary>Every output page that shows Markdown, by site path (the print page among them).</summary>
    public IReadOnlyDictionary<string, PageContext> Pages =>
        new Dictionary<string, PageContext>(_pages, StringComparer.Ordinal) { [SitePaths.Print] = _print.Value };

    /// <summary>A site path as a link: base_url + path.</summary>
    public string Url(string sitePath) => BaseUrl + sitePath;

    /// <summary>Runs the resolve stage over the parsed brief; with a <paramref name="cache"/>, pages showing the same texts keep their numbering.</summary>
    public static ResolvedBrief Resolve(BriefContent content, ParsedBrief parsed, string baseUrl, DiagnosticBag diagnostics, ResolveCache? cache = null)
    {
        var ids = cache is null ? new IdIndex(content, diagnostics) : cache.Ids.Of(content, diagnostics);
        var readingOrder = BriefGen.Resolve.ReadingOrder.Of(content, diagnostics, cache?.ReadingOrder);
        var pages = OutputPages.Number(content, parsed, readingOrder, baseUrl, out var print, cache);
        return new ResolvedBrief(content, parsed, baseUrl, ids, readingOrder, pages, print, cache);
    }
}
