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

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Kept>? _cache;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, Kept> _sameString = [];
    private long _generation;
    private int _parsed;

    /// <summary>
    /// An engine that keeps parsed documents and hands one back for the same text, so a rebuild parses only what
    /// changed (used by <c>serve</c>). Rendering never changes a parsed document. What a rebuild no longer asks for
    /// is let go by <see cref="Forget"/>.
    /// </summary>
    public static MarkdownEngine WithCache() => new(new System.Collections.Concurrent.ConcurrentDictionary<string, Kept>(StringComparer.Ordinal));

    private MarkdownEngine(System.Collections.Concurrent.ConcurrentDictionary<string, Kept> cache)
        : this()
    {
        _cache = cache;
    }

    /// <summary>A kept document and the last pass that asked for it.</summary>
    private sealed class Kept(MarkdownDocument document)
    {
        public MarkdownDocument Document { get; } = document;

        internal long Generation;
    }

    /// <summary>
    /// Ends a pass over the brief's texts: documents that neither it nor the pass before asked for are let go, so a
    /// long preview session keeps about one brief's documents, not one per saved version of every page.
    /// </summary>
    public void Forget()
    {
        if (_cache is null)
        {
            return;
        }

        var generation = Interlocked.Increment(ref _generation);
        foreach (var (text, kept) in _cache)
        {
            if (Volatile.Read(ref kept.Generation) < generation - 2)
            {
                _cache.TryRemove(text, out _);
            }
        }
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<MarkdownDocument, object> _ids = [];
    private long _nextId;

    /// <summary>
    /// A number for a parsed document, the same for as long as the document lives: with the cache, the same
    /// text keeps its number across rebuilds, so a preview can tell an unchanged text without comparing it.
    /// </summary>
    public long IdOf(MarkdownDocument document) =>
        (long)_ids.GetValue(document, _ => Interlocked.Increment(ref _nextId));

    /// <summary>How many texts this engine has actually parsed (not served from its cache).</summary>
    public int ParsedCount => _parsed;

    /// <summary>
    /// Parses Markdown. Text beyond the limits of <see cref="MarkdownLimits"/> parses to an empty document that
    /// <see cref="Check"/> reports as an error, so hostile input never crashes or stalls the build.
    /// </summary>
    public MarkdownDocument Parse(string markdown)
    {
        if (_cache is null)
        {
            return ParseBounded(markdown);
        }

        // The load cache hands back the same string for an unchanged file: found by reference, it is not hashed.
        if (!_sameString.TryGetValue(markdown, out var kept))
        {
            kept = _cache.GetOrAdd(markdown, text => new Kept(ParseBounded(text)));
            _sameString.AddOrUpdate(markdown, kept);
        }

        Volatile.Write(ref kept.Generation, Volatile.Read(ref _generation));
        return kept.Document;
    }

    private MarkdownDocument ParseBounded(string text)
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
