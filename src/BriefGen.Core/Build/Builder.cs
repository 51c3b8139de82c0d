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

    // The brief's own folders, which --out may never be or lie in (set by each Check).
    private IReadOnlyList<string> _protectedFolders = [];

    private IReadOnlyList<string> ProtectedFolders(RootPaths paths, Model.BriefContent? content) =>
    [
        paths.ContentDir, Path.Combine(paths.Root, "seeds"), Path.Combine(paths.Root, "templates"),
        .. options.TemplatesDir is { } t ? [t] : Array.Empty<string>(),
        .. content?.Sources.Where(s => s.Text is not null).Select(s => Path.GetDirectoryName(Path.Combine(paths.Root, s.Text!.Path))!) ?? [],
    ];

    /// <summary>Runs every check and renders the site in memory; writes nothing.</summary>
    public BuildResult Check()
    {
        var diagnostics = new DiagnosticBag();
        var paths = new RootPaths(options.Root);

        // Load
        var content = new ContentLoader(paths, diagnostics, options.Drafts).Load();
        var templates = LoadTemplates(paths, diagnostics);
        _protectedFolders = ProtectedFolders(paths, content);
        if (content is null)
        {
            return Finish(diagnostics, [], new BuildStats(0, 0, 0, 0, 0, 0, 0));
        }

        var baseUrl = UrlPaths.NormalizeBase(options.BaseUrl ?? content.Brief.BaseUrl);
        var markdownSite = new MarkdownSite(baseUrl, content.Brief.AllowHtml);

        // Resolve: every text parsed once, every id, note, mark and quote anchor decided before anything renders.
        var parsed = ParsedBrief.Parse(content, _markdown, markdownSite, diagnostics);
        var brief = ResolvedBrief.Resolve(content, parsed, baseUrl, diagnostics);
        var citations = CitationChecks.Run(parsed, brief.Sources, diagnostics, content.Unloaded);
        UsageChecks.Run(content, brief.Mentions, diagnostics);
        PlaceholderChecks.Run(parsed, diagnostics);

        // Verify
        var verification = Verification.Run(brief, diagnostics);

        // Render: every page a function of the resolved brief and itself, in one parallel pass; then write.
        var files = new List<OutputFile>();
        if (!diagnostics.HasErrors)
        {
            files.AddRange(Render(brief, verification, markdownSite, templates, diagnostics));
            SiteWriter.CheckPaths(files, diagnostics);
            OutputLinkCheck.Run(files, baseUrl, diagnostics);
        }

        var stats = new BuildStats(brief.ReadingOrder.Count, files.Count, citations, brief.QuoteBoxes.Count,
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
            if (!SiteWriter.CheckTarget(options.ResolvedOutDir, options.Root, _protectedFolders, diagnostics) ||
                !SiteWriter.Write(options.ResolvedOutDir, result.Files, diagnostics))
            {
                return result with { Diagnostics = [.. result.Diagnostics, .. diagnostics.Sorted()], Files = [] };
            }
        }

        return result;
    }

    private List<OutputFile> Render(ResolvedBrief brief, Verification verification, MarkdownSite markdownSite, TemplateSet templates,
        DiagnosticBag diagnostics)
    {
        var siteUrl = (options.SiteUrl ?? brief.Content.Brief.SiteUrl) is { } u ? UrlPaths.NormalizeBase(u) : null;
        var buildTime = TemplateFunctions.BuildTimeFor(options.SourceDateEpoch, brief.Content.Brief.Date);
        var runner = new TemplateRunner(templates, SiteModel.Build(brief, siteUrl), brief.BaseUrl, buildTime, diagnostics);
        var inputs = new RenderInputs(brief, verification, _markdown, markdownSite, siteUrl, runner);
        var files = new List<OutputFile>(new SiteRenderer(runner, inputs, diagnostics).Render(PageKinds.All(inputs)));
        files.AddRange(SiteFiles.For(files, inputs));
        files.Add(new OutputFile("sources.json", CslJson.Write(brief.Content.Sources)));
        files.Add(new OutputFile("brief.json", BriefJson.Write(inputs)));
        files.AddRange(templates.Assets.Select(a => new OutputFile(a.Key, a.Value)));
        return files;
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
