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
    MarkdownSite markdownSite)
{
    public BriefContent Content { get; } = content;

    public ParsedBrief Parsed { get; } = parsed;

    public IReadOnlyList<Page> ReadingOrder { get; } = readingOrder;

    public MarkdownEngine Markdown { get; } = markdown;

    public MarkdownSite MarkdownSite { get; } = markdownSite;

    public IReadOnlyDictionary<string, Source> Sources { get; } =
        content.Sources.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>Every citation mark rendered so far, for "Cited by".</summary>
    public CitationUses Uses { get; } = new();

    /// <summary>A site path as a link: base_url + path.</summary>
    public string Url(string sitePath) => MarkdownSite.BaseUrl + sitePath;

    /// <summary>A new output page for Markdown to render into; <paramref name="order"/> sorts its citations among pages.</summary>
    public PageContext NewPage(string title, string sitePath, int order) => new(title, Url(sitePath), order, Uses.Add);

    public Html Render(ParsedText text, PageContext page) => new(Markdown.Render(text.Document, MarkdownSite, page));

    public Html Inline(ParsedText text, PageContext? page) => new(Markdown.RenderInline(text.Document, MarkdownSite, page));

    public ScriptArray Notes(PageContext page) => NotesModel.Build(page, Sources, Url);

    public ScriptObject Link(Page page) => new()
    {
        ["id"] = page.Id,
        ["title"] = page.Title,
        ["url"] = Url(SitePaths.Page(page.Id)),
    };
}
