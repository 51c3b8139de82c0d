using BriefGen.Diagnostics;
using BriefGen.Load;
using BriefGen.Model;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using BriefGen.Markdown.Citations;

namespace BriefGen.Markdown;

/// <summary>
/// Markdown as BriefGen reads it: CommonMark with pipe tables, GitHub heading ids and alerts, precise
/// source locations, and BriefGen's own extensions. One pipeline serves every page, in parallel.
/// </summary>
public sealed class MarkdownEngine
{
    private readonly MarkdownPipeline _pipeline;

    public MarkdownEngine()
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePreciseSourceLocation()
            .UsePipeTables()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseAlertBlocks()
            .UseFootnotes();
        builder.Extensions.AddIfNotAlready<WikiLinks.WikiLinkExtension>();
        builder.Extensions.AddIfNotAlready<CitationExtension>();
        builder.Extensions.AddIfNotAlready<QuoteBoxes.QuoteBoxExtension>();
        builder.Extensions.AddIfNotAlready<Quotations.QuotationExtension>();
        builder.Extensions.AddIfNotAlready<Images.ImageExtension>();
        builder.Extensions.AddIfNotAlready<Footnotes.NoteFootnotesExtension>();

        _pipeline = builder.Build();
    }

    private int _parsed;

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<MarkdownDocument, object> _ids = [];
    private long _nextId;

    /// <summary>
    /// A number for a parsed document, the same for as long as the document lives: a preview keeps one engine and
    /// each unchanged text's document across rebuilds, so it can tell an unchanged text without comparing it.
    /// </summary>
    public long IdOf(MarkdownDocument document) =>
        (long)_ids.GetValue(document, _ => Interlocked.Increment(ref _nextId));

    /// <summary>How many texts this engine has parsed.</summary>
    public int ParsedCount => _parsed;

    /// <summary>
    /// Parses Markdown. Text beyond the limits of <see cref="MarkdownLimits"/> parses to an empty document that
    /// <see cref="Check"/> reports as an error, so hostile input never crashes or stalls the build.
    /// </summary>
    /// <remarks>
    /// Every call parses: two texts with the same words are two documents. A page numbers its citations by node (two
    /// figures citing the same paragraph are two marks), so no document may stand in two places. A preview keeps each
    /// unchanged text's parse by its place (<see cref="Resolve.ResolveCache"/>), not by its words.
    /// </remarks>
    public MarkdownDocument Parse(string text)
    {
        Interlocked.Increment(ref _parsed);
        if (MarkdownLimits.Scan(text) is { } refusal)
        {
            return MarkdownLimits.Refused(refusal);
        }

        try
        {
            var document = Markdig.Markdown.Parse(text, _pipeline);
            return MarkdownNodes.Attach(MarkdownLimits.TooDeepTree(document) is { } deep ? MarkdownLimits.Refused(deep) : document);
        }
        catch (ArgumentException e) when (e.Message.Contains("depth limit", StringComparison.Ordinal))
        {
            return MarkdownLimits.Refused(MarkdownLimits.TooDeep(text));
        }
    }

    /// <summary>Checks what every parsed document must pass whatever it renders into: raw HTML and unsafe link schemes.</summary>
    public static void Check(MarkdownDocument document, MarkdownSite site, TextOrigin origin, DiagnosticBag diagnostics)
    {
        if (MarkdownLimits.RefusalOf(document) is { } refusal)
        {
            diagnostics.Error(origin.At(refusal.Line, refusal.Column), refusal.Code, refusal.Message);
            return;
        }

        foreach (var node in MarkdownNodes.Of(document))
        {
            switch (node)
            {
                case HtmlBlock or HtmlInline when !site.AllowHtml:
                    diagnostics.Warning(origin.At(node), DiagnosticCodes.RawHtmlEscaped,
                        "raw HTML is shown as text because allow_html is false in brief.yml");
                    break;
                case HtmlBlock or HtmlInline when RawHtml.Removals(RawText(node)) is { Count: > 0 } removed:
                    diagnostics.Warning(origin.At(node), DiagnosticCodes.HtmlSanitized,
                        $"raw HTML sanitized: removed {string.Join(", ", removed.Distinct())} (not allowed on a published page)");
                    break;
                case LinkInline { Url: { } url } when UrlPaths.IsUnsafe(url):
                    diagnostics.Error(origin.At(node), DiagnosticCodes.UnsafeUrl,
                        $"link to '{url}' uses a scheme that runs code or embeds content (javascript:, vbscript:, data:)");
                    break;
                case AutolinkInline { Url: { } auto } when UrlPaths.IsUnsafe(auto):
                    diagnostics.Error(origin.At(node), DiagnosticCodes.UnsafeUrl, $"link to '{auto}' uses an unsafe scheme");
                    break;
            }
        }
    }

    /// <summary>
    /// Renders a parsed document to HTML as it stands on <paramref name="page"/>, whose resolved notes and quote
    /// anchors it reads. Pure: the document, the page and the site are only read.
    /// </summary>
    public string Render(MarkdownDocument document, MarkdownSite site, PageContext? page, IRenderSite? links = null, HeadingShift shift = default)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new BriefHtmlRenderer(writer, page, links, shift)
        {
            // Root-relative links in content ("/background/") follow the site's base_url.
            LinkRewriter = url => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
                ? site.BaseUrl + url[1..]
                : url,
        };
        _pipeline.Setup(renderer);
        if (!shift.IsNone)
        {
            renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Renderers.Html.HeadingRenderer>(new ShiftedHeadingRenderer(shift));
        }

        if (!site.AllowHtml)
        {
            renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Renderers.Html.HtmlBlockRenderer>(new EscapedHtmlBlockRenderer());
            renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Renderers.Html.Inlines.HtmlInlineRenderer>(new EscapedHtmlInlineRenderer());
        }

        renderer.Render(document);
        writer.Flush();

        // Raw HTML that allow_html lets through is cleaned over the whole rendered text, so a tag opened in one
        // inline and closed in another cannot slip past.
        return site.AllowHtml && MarkdownNodes.Of(document).Any(n => n is HtmlBlock or HtmlInline)
            ? RawHtml.Sanitize(writer.ToString())
            : writer.ToString();
    }

    private static string RawText(MarkdownObject node) => node switch
    {
        HtmlInline inline => inline.Tag,
        HtmlBlock block => block.Lines.ToString(),
        _ => "",
    };

    /// <summary>
    /// Renders a footnote's text for its note in the Notes list, where it sits inside one element: its paragraphs
    /// without their &lt;p&gt;, one after another; citations in it are written as the note's own text.
    /// </summary>
    public string RenderNote(Markdig.Extensions.Footnotes.Footnote footnote, MarkdownSite site, PageContext page, IRenderSite? links = null)
    {
        var parts = new List<string>();
        foreach (var block in footnote)
        {
            // Render the block on its own, through the same renderers, without moving it out of its footnote.
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            var renderer = new BriefHtmlRenderer(writer, page, links)
            {
                LinkRewriter = url => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? site.BaseUrl + url[1..] : url,
                ImplicitParagraph = true,
            };
            _pipeline.Setup(renderer);
            if (!site.AllowHtml)
            {
                renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Renderers.Html.HtmlBlockRenderer>(new EscapedHtmlBlockRenderer());
                renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Renderers.Html.Inlines.HtmlInlineRenderer>(new EscapedHtmlInlineRenderer());
            }

            renderer.Render(block);
            writer.Flush();
            var html = writer.ToString().Trim();
            parts.Add(site.AllowHtml && block.Descendants().Any(n => n is HtmlBlock or HtmlInline) ? RawHtml.Sanitize(html) : html);
        }

        return string.Join(" ", parts.Where(p => p.Length > 0));
    }

    /// <summary>Renders Markdown meant to sit inside one element (a summary, a label): no wrapping paragraph.</summary>
    public string RenderInline(MarkdownDocument document, MarkdownSite site, PageContext? page, IRenderSite? links = null)
    {
        var html = Render(document, site, page, links).Trim();
        if (document.Count == 1 && document[0] is ParagraphBlock && html.StartsWith("<p>", StringComparison.Ordinal) &&
            html.EndsWith("</p>", StringComparison.Ordinal))
        {
            html = html[3..^4];
        }

        return html;
    }
}

/// <summary>What Markdown rendering needs to know of the site.</summary>
public sealed record MarkdownSite(string BaseUrl, bool AllowHtml);

/// <summary>Where a piece of Markdown starts in its file, so node positions become file locations.</summary>
public readonly record struct TextOrigin(Location Start)
{
    /// <summary>Markdown that is a whole file body: its lines are the file's lines.</summary>
    public static TextOrigin WholeFile(string path) => new(new Location(path, 1, 1));

    public Location At(MarkdownObject node) => At(node.Line, node.Column);

    public Location At(int line, int column) => line == 0
        ? Start with { Column = Start.Column + column }
        : Start with { Line = Start.Line + line, Column = column + 1 };

    public static TextOrigin From(MarkdownText text) => new(text.Start);
}
