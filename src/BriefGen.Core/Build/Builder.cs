using BriefGen.Render.Data;
using BriefGen.Diagnostics;
using BriefGen.Load;
using BriefGen.Markdown;
using BriefGen.Render;
using BriefGen.Render.Kinds;
using BriefGen.Resolve;
using BriefGen.Verify;
using BriefGen.Write;

namespace BriefGen.Build;

/// <summary>
/// A build, top-down: load → resolve → verify → render → write. Each stage reports into one
/// diagnostic sink; the site is written only when no stage found an error.
/// </summary>
public sealed class Builder(BuildOptions options, MarkdownEngine? markdown = null)
{
    private readonly MarkdownEngine _markdown = markdown ?? new MarkdownEngine();

    /// <summary>Runs every check and renders the site in memory; writes nothing.</summary>
    public BuildResult Check()
    {
        var diagnostics = new DiagnosticBag();
        var paths = new RootPaths(options.Root);

        // Load
        var content = new ContentLoader(paths, diagnostics, options.Drafts, options.SourceTexts).Load();
        var templates = LoadTemplates(paths, diagnostics);
        if (content is null)
        {
            return Finish(diagnostics, [], new BuildStats(0, 0, 0, 0, 0, 0, 0));
        }

        var baseUrl = UrlPaths.NormalizeBase(options.BaseUrl ?? content.Brief.BaseUrl);
        var markdownSite = new MarkdownSite(baseUrl, content.Brief.AllowHtml);
        var markdown = _markdown;

        // Resolve
        var ids = new IdIndex(content, diagnostics);
        var parsed = ParsedBrief.Parse(content, markdown, markdownSite, diagnostics);
        var readingOrder = ReadingOrder.Of(content, diagnostics);
        var siteUrl = options.SiteUrl ?? content.Brief.SiteUrl;
        var inputs = new RenderInputs(content, parsed, readingOrder, markdown, markdownSite, ids)
        {
            SiteUrl = siteUrl is null ? null : UrlPaths.NormalizeBase(siteUrl),
        };
        var citations = CitationChecks.Run(parsed, inputs.Sources, diagnostics);
        LinkChecks.Run(parsed, ids, diagnostics);
        var mentions = new Mentions(content, parsed, readingOrder);
        UsageChecks.Run(content, mentions, diagnostics);

        // Verify
        var verification = Verification.Run(content, parsed, inputs.Sources, id => inputs.Url(SitePaths.Source(id)), diagnostics);
        inputs.Verification = verification;

        // Render in waves: pages with quote boxes and citations; pages that list the quotes; pages that list every citation.
        var files = new List<OutputFile>();
        if (!diagnostics.HasErrors)
        {
            var renderer = new SiteRenderer(templates, SiteModel.Build(inputs), inputs, diagnostics);
            files.AddRange(renderer.Render(new ContentPages(inputs, mentions).Pages()
                .Concat(new FigurePages(inputs).Pages())
                .Concat(new TimelinePage(inputs, mentions).Pages())));
            files.AddRange(renderer.Render(new QuotePages(inputs).Pages().Concat(new EntityPages(inputs, mentions).Pages())));
            files.AddRange(renderer.Render(new SourcePages(inputs).Pages()
                .Concat(new SearchPages(inputs).Pages())
                .Concat(new PrintPage(inputs).Pages())
                .Concat(new NotFoundPage(inputs).Pages())));
            files.AddRange(SiteFiles.For(files, inputs));
            files.Add(new OutputFile("sources.json", CslJson.Write(content.Sources)));
            files.Add(new OutputFile("brief.json", BriefJson.Write(inputs)));
            files.AddRange(templates.Assets.Select(a => new OutputFile(a.Key, a.Value)));
            SiteWriter.CheckPaths(files, diagnostics);
            OutputLinkCheck.Run(files, baseUrl, diagnostics);
        }

        var stats = new BuildStats(readingOrder.Count, files.Count, citations, verification.AllQuoteBoxes.Count,
            verification.QuotesVerified, content.Figures.Count, verification.FiguresVerified);
        return Finish(diagnostics, files, stats);
    }

    /// <summary>Builds and, when there are no errors, swaps the new site into the output folder.</summary>
    public BuildResult Build()
    {
        var result = Check();
        if (result.Succeeded)
        {
            var diagnostics = new DiagnosticBag();
            if (!SiteWriter.CheckTarget(options.ResolvedOutDir, options.Root, diagnostics))
            {
                return result with { Diagnostics = [.. result.Diagnostics, .. diagnostics.Sorted()], Files = [] };
            }

            SiteWriter.Write(options.ResolvedOutDir, result.Files);
        }

        return result;
    }

    private TemplateSet LoadTemplates(RootPaths paths, DiagnosticBag diagnostics)
    {
        var folder = options.TemplatesDir ?? Path.Combine(paths.Root, "templates");
        if (options.TemplatesDir is not null && !Directory.Exists(folder))
        {
            diagnostics.Error(Location.File(options.TemplatesDir), DiagnosticCodes.MissingFile, $"templates folder '{options.TemplatesDir}' not found");
        }

        return Directory.Exists(folder) ? TemplateSet.FromFolder(folder, paths, diagnostics) : TemplateSet.BuiltIn(diagnostics);
    }

    private BuildResult Finish(DiagnosticBag diagnostics, List<OutputFile> files, BuildStats stats)
    {
        var list = diagnostics.Sorted();
        if (options.Strict)
        {
            list = list.Select(d => d with { Severity = Severity.Error }).ToList();
        }

        var failed = list.Any(d => d.Severity == Severity.Error);
        return new BuildResult(list, failed ? [] : files, stats);
    }
}
