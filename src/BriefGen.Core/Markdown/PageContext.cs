using BriefGen.Diagnostics;
using BriefGen.Markdown.Citations;
using BriefGen.Markdown.QuoteBoxes;
using Markdig.Syntax;

namespace BriefGen.Markdown;

/// <summary>One use of a source on an output page: the mark, its note and back-link, and where it was written. Feeds "Cited by".</summary>
public sealed record CitationUse(
    string SourceId,
    Locator Locator,
    string PageTitle,
    string PageUrl,
    string MarkId,
    int PageOrder,
    int NoteNumber,
    string BackLink,
    Location At);

/// <summary>A quote box as it stands on an output page: the page and its anchor there. Feeds /quotes/, entity pages and brief.json.</summary>
public sealed record QuoteUse(QuoteBox Box, string PageTitle, string PageUrl, string Anchor, int PageOrder, Location At)
{
    /// <summary>The entity quoted, from the attribution's first cross-link.</summary>
    public string? SpeakerId => Box.Speaker?.Id;

    /// <summary>Where the words are said to be: the attribution's first cited item.</summary>
    public CitationItem? Cited => Box.Citation?.Items.FirstOrDefault();
}

/// <summary>
/// What Markdown rendering knows of the output page it renders for: the page's numbered notes and
/// its quote anchors, all decided by the resolve stage. Immutable: pages render in any order.
/// </summary>
public sealed class PageContext
{
    private readonly Dictionary<QuoteBlock, QuoteUse> _quoteOf = new(ReferenceEqualityComparer.Instance);
    private readonly List<QuoteUse> _quotes = [];
    private readonly List<CitationUse> _uses = [];

    internal PageContext(string title, string sitePath, string url, int order, bool countsUses)
    {
        Title = title;
        SitePath = sitePath;
        Url = url;
        Order = order;
        CountsUses = countsUses;
    }

    public string Title { get; }

    /// <summary>The page's path under base_url ("", "background/", "entities/x/").</summary>
    public string SitePath { get; }

    public string Url { get; }

    /// <summary>Where the page's citations and quotes sort among the pages of the site.</summary>
    public int Order { get; }

    /// <summary>False for a page that repeats what other pages say (print): its marks are not "Cited by" entries.</summary>
    public bool CountsUses { get; }

    public NoteSet Notes { get; } = new();

    /// <summary>The quote boxes of this page, in reading order.</summary>
    public IReadOnlyList<QuoteUse> Quotes => _quotes;

    /// <summary>Every citation mark of this page, in reading order.</summary>
    public IReadOnlyList<CitationUse> Uses => _uses;

    /// <summary>The page's marks in numeric order (cite-1-1, cite-1-2, cite-2-1…), sorted once.</summary>
    public IReadOnlyList<CitationUse> UsesInMarkOrder => _usesInMarkOrder ??= [.. _uses.OrderBy(u => u.MarkId, Resolve.Anchors.MarkOrder)];

    /// <summary>The page's quote boxes in numeric order of their anchors, sorted once.</summary>
    public IReadOnlyList<QuoteUse> QuotesInOrder => _quotesInOrder ??= [.. _quotes.OrderBy(q => q.Anchor, Resolve.Anchors.QuoteOrder)];

    private IReadOnlyList<CitationUse>? _usesInMarkOrder;
    private IReadOnlyList<QuoteUse>? _quotesInOrder;

    /// <summary>The quote box at <paramref name="block"/> on this page, or null.</summary>
    public QuoteUse? QuoteOf(QuoteBlock block) => _quoteOf.GetValueOrDefault(block);

    internal bool Has(QuoteBlock block) => _quoteOf.ContainsKey(block);

    internal void Add(QuoteBlock block, QuoteUse use)
    {
        _quoteOf[block] = use;
        _quotes.Add(use);
    }

    internal void Add(CitationUse use) => _uses.Add(use);
}

/// <summary>Where a cross-link leads: its URL, the title shown when it has no label, and its kind (page, entity…).</summary>
public sealed record LinkTarget(string Url, string Title, string Kind, string? Role = null);

/// <summary>What rendering needs to know of the whole site: where ids lead, and how to caption a quote box.</summary>
public interface IRenderSite
{
    LinkTarget? Find(string id);

    /// <summary>
    /// The figcaption of a quote box (from the theme's quote-caption partial), given its rendered attribution;
    /// null to write a plain caption of the attribution alone.
    /// </summary>
    string? Caption(QuoteBox box, string attributionHtml);

    /// <summary>What a verified quotation in running text tells a reader who points at it; null to mark nothing.</summary>
    string? QuotationTitle(Quotations.QuotationInline quotation);

    /// <summary>Where the site publishes an image from content/; null for an external image.</summary>
    ImageSource? Image(Markdig.Syntax.Inlines.LinkInline image) => null;

    /// <summary>An in-text citation (<c>@a says</c>) as the brief's style writes it in the sentence; null to show the mark alone.</summary>
    InTextCitation? InText(PageContext page, Citations.CitationMark mark) => null;

    /// <summary>
    /// In an author-date style, a citation mark's text for the running text — <c>(Doe, 2020, p. 4)</c>, as escaped HTML
    /// without links — in place of a numbered mark; null in a note style.
    /// </summary>
    string? Parenthetical(PageContext page, Citations.CitationMark mark) => null;

    /// <summary>A citation written in a footnote, as escaped HTML of the style's text for it; null to show it as written.</summary>
    string? InNote(PageContext page, Citations.CitationInline citation) => null;
}

/// <summary>
/// An in-text citation in the running text: the author as the style names them (escaped HTML), and for an
/// author-date style the rest of the citation (<c>(2004, p. 33)</c>) that stands after it in place of a note mark.
/// </summary>
public sealed record InTextCitation(string AuthorHtml, string? ParentheticalHtml);

/// <summary>An image as a page shows it: its URL (base_url included, percent-encoded) and its size in pixels when known.</summary>
public sealed record ImageSource(string Url, int? Width, int? Height);

/// <summary>The HTML renderer BriefGen's extensions write through; carries the site, the page being rendered and how to place it.</summary>
public sealed class BriefHtmlRenderer(TextWriter writer, PageContext? page, IRenderSite? site, HeadingShift shift = default)
    : Markdig.Renderers.HtmlRenderer(writer)
{
    public PageContext? Page { get; } = page;

    public IRenderSite? Site { get; } = site;

    /// <summary>How headings move when a page is set inside another (the print page).</summary>
    public HeadingShift Shift { get; } = shift;
}

/// <summary>Headings of a page set inside another: levels moved down by <see cref="Levels"/>, ids prefixed with <see cref="IdPrefix"/>.</summary>
public readonly record struct HeadingShift(int Levels, string? IdPrefix)
{
    public bool IsNone => Levels == 0 && string.IsNullOrEmpty(IdPrefix);
}
