using BriefGen.Markdown.Citations;

namespace BriefGen.Markdown;

/// <summary>A use of a source on a page: which page, which mark, which locator. Feeds "Cited by".</summary>
public sealed record CitationUse(string SourceId, Locator Locator, string PageTitle, string PageUrl, string MarkId, int PageOrder);

/// <summary>
/// What Markdown rendering knows of the output page it renders for: the page's notes, and where to
/// record what the page cites. One per output page; pages render in parallel, each with its own.
/// </summary>
public sealed class PageContext(string title, string url, int order, Action<CitationUse>? recordUse = null)
{
    public string Title { get; } = title;

    public string Url { get; } = url;

    public int Order { get; } = order;

    public NoteSet Notes { get; } = new();

    public void Record(CitationItem item, string markId) =>
        recordUse?.Invoke(new CitationUse(item.Key, item.Locator, Title, Url, markId, Order));
}

/// <summary>The HTML renderer BriefGen's extensions write through; carries the page being rendered.</summary>
public sealed class BriefHtmlRenderer(TextWriter writer, PageContext? page) : Markdig.Renderers.HtmlRenderer(writer)
{
    public PageContext? Page { get; } = page;
}
