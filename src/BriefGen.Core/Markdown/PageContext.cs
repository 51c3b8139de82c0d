using BriefGen.Markdown.Citations;

namespace BriefGen.Markdown;

/// <summary>A use of a source on a page: which page, which mark, which locator. Feeds "Cited by".</summary>
public sealed record CitationUse(string SourceId, Locator Locator, string PageTitle, string PageUrl, string MarkId, int PageOrder);

/// <summary>A quote box as rendered on a page: which page, and its anchor there. Feeds /quotes/ and entity pages.</summary>
public sealed record QuoteUse(QuoteBoxes.QuoteBox Box, string PageTitle, string PageUrl, string Anchor, int PageOrder);

/// <summary>
/// What Markdown rendering knows of the output page it renders for: the page's notes, and where to
/// record what the page cites. One per output page; pages render in parallel, each with its own.
/// </summary>
public sealed class PageContext(string title, string url, int order, Action<CitationUse>? recordUse = null, Action<QuoteUse>? recordQuote = null)
{
    private readonly List<QuoteUse> _quotes = [];

    public string Title { get; } = title;

    public string Url { get; } = url;

    public int Order { get; } = order;

    public NoteSet Notes { get; } = new();

    /// <summary>The quote boxes rendered on this page, in order.</summary>
    public IReadOnlyList<QuoteUse> Quotes => _quotes;

    public void Record(CitationItem item, string markId) =>
        recordUse?.Invoke(new CitationUse(item.Key, item.Locator, Title, Url, markId, Order));

    /// <summary>Gives a quote box rendered on this page its anchor, quote-1, quote-2…, and records it.</summary>
    public string AddQuote(QuoteBoxes.QuoteBox box)
    {
        var id = "quote-" + (_quotes.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var use = new QuoteUse(box, Title, Url, id, Order);
        _quotes.Add(use);
        recordQuote?.Invoke(use);
        return id;
    }
}

/// <summary>Where a cross-link leads: its URL, the title shown when it has no label, and its kind (page, entity…).</summary>
public sealed record LinkTarget(string Url, string Title, string Kind, string? Role = null);

/// <summary>What rendering needs to know of the whole site: where ids lead and how quote boxes were verified.</summary>
public interface IRenderSite
{
    LinkTarget? Find(string id);

    QuoteBoxes.QuoteCheck? Check(QuoteBoxes.QuoteBox box);
}

/// <summary>The HTML renderer BriefGen's extensions write through; carries the site and the page being rendered.</summary>
public sealed class BriefHtmlRenderer(TextWriter writer, PageContext? page, IRenderSite? site) : Markdig.Renderers.HtmlRenderer(writer)
{
    public PageContext? Page { get; } = page;

    public IRenderSite? Site { get; } = site;
}
