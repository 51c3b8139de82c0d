using BriefGen.Markdown;
using BriefGen.Model;
using BriefGen.Render.Citations;
using BriefGen.Resolve;
using Scriban.Runtime;

namespace BriefGen.Render;

/// <summary>What every page kind reads while it builds its views: the content, parsed Markdown and URL helpers.</summary>
public sealed class RenderInputs(
    BriefContent content,
    ParsedBrief parsed,
    IReadOnlyList<Page> readingOrder,
    MarkdownEngine markdown,
    MarkdownSite markdownSite,
    IdIndex ids)
{
    private readonly System.Collections.Concurrent.ConcurrentBag<QuoteUse> _quoteUses = [];

    public BriefContent Content { get; } = content;

    public ParsedBrief Parsed { get; } = parsed;

    public IReadOnlyList<Page> ReadingOrder { get; } = readingOrder;

    public MarkdownEngine Markdown { get; } = markdown;

    public MarkdownSite MarkdownSite { get; } = markdownSite;

    public IReadOnlyDictionary<string, Source> Sources { get; } =
        content.Sources.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public IdIndex Ids { get; } = ids;

    /// <summary>The absolute URL of the site root (brief.yml's site_url or --site-url), ending in '/'; null when unknown.</summary>
    public string? SiteUrl { get; init; }

    /// <summary>What the verify stage found; set once it has run, before anything renders.</summary>
    public Verify.Verification Verification { get; set; } = new();

    private IRenderSite? _site;

    public IRenderSite Site => _site ??= new SiteLinks(Ids, Verification, MarkdownSite.BaseUrl);

    private IReadOnlyList<QuoteUse>? _quotesInOrder;

    /// <summary>
    /// Every quote box of the site, in a stable order: for /quotes/, entity pages and search. Read only
    /// after the pages that hold quote boxes have rendered; sorted once.
    /// </summary>
    public IReadOnlyList<QuoteUse> QuoteUses => _quotesInOrder ??= _quoteUses
        .OrderBy(q => q.PageOrder).ThenBy(q => q.PageUrl, StringComparer.Ordinal)
        .ThenBy(q => int.Parse(q.Anchor.AsSpan("quote-".Length), System.Globalization.CultureInfo.InvariantCulture))
        .ToList();

    /// <summary>Entities by id.</summary>
    public IReadOnlyDictionary<string, Entity> Entities { get; } =
        content.Entities.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>Every citation mark rendered so far, for "Cited by".</summary>
    public CitationUses Uses { get; } = new();

    /// <summary>A site path as a link: base_url + path.</summary>
    public string Url(string sitePath) => MarkdownSite.BaseUrl + sitePath;

    /// <summary>A new output page for Markdown to render into; <paramref name="order"/> sorts its citations among pages.</summary>
    public PageContext NewPage(string title, string sitePath, int order) => new(title, Url(sitePath), order, Uses.Add, _quoteUses.Add);

    /// <summary>A page that repeats what other pages say (print): its marks and quotes are not counted as uses.</summary>
    public PageContext NewCopyPage(string title, string sitePath, int order) => new(title, Url(sitePath), order);

    public Html Render(ParsedText text, PageContext page) => new(Markdown.Render(text.Document, MarkdownSite, page, Site));

    public Html Inline(ParsedText text, PageContext? page) => new(Markdown.RenderInline(text.Document, MarkdownSite, page, Site));

    public ScriptArray Notes(PageContext page) => NotesModel.Build(page, Sources, Url);

    /// <summary>Markdown as plain text for a meta description: no markup, no citation marks, links as their titles.</summary>
    public string Describe(ParsedText text) => PlainText.Of(text.Document, id => Site.Find(id)?.Title);

    public ScriptObject Link(Page page) => new()
    {
        ["id"] = page.Id,
        ["title"] = page.Title,
        ["url"] = Url(SitePaths.Page(page.Id)),
    };
}
