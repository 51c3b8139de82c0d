using BriefGen.Markdown;
using BriefGen.Model;
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

    /// <summary>A site path as a link: base_url + path.</summary>
    public string Url(string sitePath) => MarkdownSite.BaseUrl + sitePath;

    public Html Inline(ParsedText text) => new(Markdown.RenderInline(text.Document, MarkdownSite));

    public ScriptObject Link(Page page) => new()
    {
        ["id"] = page.Id,
        ["title"] = page.Title,
        ["url"] = Url(SitePaths.Page(page.Id)),
    };
}
