using BriefGen.Diagnostics;
using BriefGen.Render;
using BriefGen.Render.Data;
using BriefGen.Resolve;
using BriefGen.Verify;

namespace BriefGen.Build;

/// <summary>
/// The brief loaded, resolved and verified, ready to render any of its outputs: each page a function of this
/// and the page alone, so pages render in any order, in parallel, or only some of them (the preview).
/// </summary>
public sealed class PreparedSite
{
    private readonly SiteRenderer _renderer;
    private readonly TemplateRunner _templates;

    internal PreparedSite(RenderInputs inputs, TemplateRunner templates, DiagnosticBag diagnostics)
    {
        Inputs = inputs;
        Templates = templates.Templates;
        _templates = templates;
        _renderer = new SiteRenderer(templates, inputs, diagnostics);
    }

    public RenderInputs Inputs { get; }

    public ResolvedBrief Brief => Inputs.Brief;

    public Verification Verification => Inputs.Verification;

    public TemplateSet Templates { get; }

    /// <summary>How many cited items the brief has.</summary>
    public int Citations { get; init; }

    /// <summary>The counts of the build's summary line.</summary>
    public BuildStats Stats(int files) => new(Brief.ReadingOrder.Count, files, Citations, Brief.QuoteBoxes.Count + Inputs.Verification.Quotations.Count,
        Verification.QuotesVerified, Brief.Content.Figures.Count, Verification.FiguresVerified);

    /// <summary>
    /// A hash of what every page sees besides its own view: the site object, base_url, site_url, allow_html, the
    /// images' paths and sizes, and the build time. With the theme's, it completes a page's <see cref="ViewFingerprint"/>.
    /// </summary>
    public string Fingerprint() => ViewFingerprint.Of(new Scriban.Runtime.ScriptArray
    {
        _templates.Site, Inputs.MarkdownSite.BaseUrl, Inputs.MarkdownSite.AllowHtml, Inputs.SiteUrl, Inputs.Images.Signature,
        _templates.BuildTime.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    /// <summary>Every page of the site as its template will see it; Markdown in it renders only when written.</summary>
    public IReadOnlyList<PageView> Views() => ViewBuilders().AsParallel().AsOrdered().Select(build => build()).ToList();

    /// <summary>What builds each page's view, in the order of <see cref="Views"/>: the preview builds only some of them.</summary>
    public IReadOnlyList<Func<PageView>> ViewBuilders() => PageKinds.All(Inputs).ToList();

    /// <summary>
    /// The print page's view, as <see cref="ViewBuilders"/> builds it, looking at <paramref name="stop"/> before each page
    /// it repeats: the preview builds it after the changed pages are served, and stops when a newer save comes.
    /// </summary>
    public PageView PrintView(CancellationToken stop) => new Render.Kinds.PrintPage(Inputs).View(stop);

    /// <summary>
    /// One page's file; null (with a diagnostic) when its template fails. Its templates stop when <paramref name="stop"/> is
    /// cancelled (the preview's print page, which takes seconds at 5,000 pages): then <see cref="OperationCanceledException"/>,
    /// and no diagnostic.
    /// </summary>
    public OutputFile? Render(PageView view, CancellationToken stop = default) => _renderer.RenderOne(view, stop);

    /// <summary>Every page of the site, each view built and rendered in one step, in the order of <see cref="Views"/>.</summary>
    public IReadOnlyList<OutputFile> RenderAll() => _renderer.Render(ViewBuilders());

    /// <summary>Every page, handed to <paramref name="take"/> (from any thread) as it is rendered; the paths taken, in the order of <see cref="Views"/>.</summary>
    public IReadOnlyList<string> RenderAll(Action<OutputFile> take) => _renderer.Render(ViewBuilders(), take);

    /// <summary>Every page, rendered in one parallel pass, in the order of <paramref name="views"/>.</summary>
    public IReadOnlyList<OutputFile> Render(IReadOnlyList<PageView> views) =>
        views.AsParallel().AsOrdered().Select(view => Render(view)).OfType<OutputFile>().ToList();

    /// <summary>The data files beside the pages: sitemap, robots.txt, search index, CSL-JSON, brief.json and the theme's assets.</summary>
    /// <param name="pagePaths">The pages' files.</param>
    /// <param name="stop">Looked at between files, and in the search index between batches of pages (the preview's follow-up).</param>
    public IEnumerable<OutputFile> DataFiles(IReadOnlyList<string> pagePaths, CancellationToken stop = default)
    {
        foreach (var file in SiteFiles.For(pagePaths, Inputs, stop))
        {
            yield return file;
            stop.ThrowIfCancellationRequested();
        }

        yield return new OutputFile("sources.json", CslJson.Write(Brief.Content.Sources));
        yield return new OutputFile("brief.json", BriefJson.Write(Inputs, stop));
        yield return new OutputFile(BriefCitation.BibTeXPath, BriefCitation.BibTeX(Brief.Content.Brief, Inputs.SiteUrl));
        yield return new OutputFile(BriefCitation.RisPath, BriefCitation.Ris(Brief.Content.Brief, Inputs.SiteUrl));
        foreach (var (path, bytes) in Templates.Assets)
        {
            yield return new OutputFile(path, bytes);
        }

        foreach (var (path, bytes) in Inputs.Images.Files)
        {
            yield return new OutputFile(path, bytes);
        }
    }
}
