using BriefGen.Markdown;
using BriefGen.Model;
using BriefGen.Render.Citations;
using BriefGen.Resolve;
using BriefGen.Verify;
using Scriban.Runtime;

namespace BriefGen.Render;

/// <summary>
/// What every page kind reads while it builds its views: the resolved brief, what verification found, and
/// the Markdown engine. Only inputs: rendering a page records nothing here, so pages render in any order.
/// </summary>
public sealed class RenderInputs
{
    public RenderInputs(ResolvedBrief brief, Verification verification, MarkdownEngine markdown, MarkdownSite markdownSite,
        string? siteUrl, TemplateRunner? templates, CitationFormatter citations, ContentImages? images = null)
    {
        Citations = citations;
        Images = images ?? ContentImages.None;
        BuildTime = templates?.BuildTime ?? DateTime.UnixEpoch;
        Brief = brief;
        Verification = verification;
        Markdown = markdown;
        MarkdownSite = markdownSite;
        SiteUrl = siteUrl;
        Site = new SiteLinks(this, templates);
    }

    public ResolvedBrief Brief { get; }

    /// <summary>The notes, bibliography and references as the brief's CSL style formats them.</summary>
    public CitationFormatter Citations { get; }

    public BriefContent Content => Brief.Content;

    public ParsedBrief Parsed => Brief.Parsed;

    public IReadOnlyList<Page> ReadingOrder => Brief.ReadingOrder;

    public IReadOnlyDictionary<string, Source> Sources => Brief.Sources;

    public IReadOnlyDictionary<string, Entity> Entities => Brief.Entities;

    public Mentions Mentions => Brief.Mentions;

    public Verification Verification { get; }

    /// <summary>The time the build stands for (SOURCE_DATE_EPOCH, else the brief's date): never the clock.</summary>
    public DateTime BuildTime { get; }

    /// <summary>The images from content/ the pages show, and the files to publish for them.</summary>
    public ContentImages Images { get; }

    public MarkdownEngine Markdown { get; }

    public MarkdownSite MarkdownSite { get; }

    /// <summary>The absolute URL of the site root (brief.yml's site_url or --site-url), ending in '/'; null when unknown.</summary>
    public string? SiteUrl { get; }

    /// <summary>Where ids lead and how quote boxes are captioned, for Markdown rendering.</summary>
    public IRenderSite Site { get; }

    /// <summary>A site path as a link: base_url + path.</summary>
    public string Url(string sitePath) => Brief.Url(sitePath);

    /// <summary>The resolved output page at <paramref name="sitePath"/>.</summary>
    public PageContext Page(string sitePath) => Brief.Page(sitePath);

    /// <summary>A text's HTML as it stands on <paramref name="page"/>, rendered when a template first writes it.</summary>
    public Html Render(ParsedText text, PageContext page, HeadingShift shift = default) => Html.Deferred(
        () => Markdown.Render(text.Document, MarkdownSite, page, Site, shift),
        () => RenderKey.Of(this, text, page, shift, inline: false));

    /// <summary>A text meant to sit inside one element (a summary, a cite), without its paragraph.</summary>
    public Html Inline(ParsedText text, PageContext? page) => Html.Deferred(
        () => Markdown.RenderInline(text.Document, MarkdownSite, page, Site),
        () => RenderKey.Of(this, text, page, default, inline: true));

    /// <summary>The page's notes as templates see them; <paramref name="stop"/> is looked at before each note (the print page's, in the preview).</summary>
    public ScriptArray Notes(PageContext page, CancellationToken stop = default) => NotesModel.Build(page, Sources, Citations, Url,
        footnote => new Html(Markdown.RenderNote(footnote, MarkdownSite, page, Site)), stop);

    /// <summary>Markdown as plain text for a meta description: no markup, no citation marks, links as their titles.</summary>
    public string Describe(ParsedText text) => PlainText.Of(text.Document, id => Site.Find(id)?.Title);

    public ScriptObject Link(Page page) => new()
    {
        ["id"] = page.Id,
        ["title"] = page.Title,
        ["url"] = Url(SitePaths.Page(page.Id)),
    };
}
