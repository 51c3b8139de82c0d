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
public sealed class Builder(BuildOptions options, BuildCache? cache = null)
{
    private readonly MarkdownEngine _markdown = cache?.Markdown ?? new MarkdownEngine();

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
        var site = Prepare(diagnostics);
        return site is null ? Finish(diagnostics, [], new BuildStats(0, 0, 0, 0, 0, 0, 0)) : Check(site, diagnostics);
    }

    private BuildResult Check(PreparedSite site, DiagnosticBag diagnostics)
    {
        // Render: every page a function of the resolved brief and itself, in one parallel pass; then check the output.
        var files = new List<OutputFile>();
        if (!diagnostics.HasErrors)
        {
            files.AddRange(site.RenderAll());
            files.AddRange(site.DataFiles(files.Select(f => f.Path).ToList()));
            SiteWriter.CheckPaths(files, diagnostics);
            OutputLinkCheck.Run(files, site.Brief.BaseUrl, diagnostics);
        }

        return Finish(diagnostics, files, site.Stats(files.Count));
    }

    /// <summary>
    /// Load → resolve → verify: the brief ready to render, with every problem reported into
    /// <paramref name="diagnostics"/>; null when there is no brief to resolve. <paramref name="templates"/>
    /// reuses a theme already loaded (the preview, when no template changed).
    /// </summary>
    public PreparedSite? Prepare(DiagnosticBag diagnostics, TemplateSet? templates = null)
    {
        var paths = new RootPaths(options.Root);

        // Load
        var content = new ContentLoader(paths, diagnostics, options.Drafts, options.SourceTexts, cache?.Load).Load();
        templates ??= LoadTemplates(paths, diagnostics);
        _protectedFolders = ProtectedFolders(paths, content);
        if (content is null)
        {
            return null;
        }

        var baseUrl = UrlPaths.NormalizeBase(options.BaseUrl ?? content.Brief.BaseUrl);
        var markdownSite = new MarkdownSite(baseUrl, content.Brief.AllowHtml);

        // Resolve: every text parsed once, every id, note, mark and quote anchor decided before anything renders.
        var parsed = ParsedBrief.Parse(content, _markdown, markdownSite, diagnostics, cache?.Resolve);
        var brief = ResolvedBrief.Resolve(content, parsed, baseUrl, diagnostics, cache?.Resolve);
        // The checks of the resolved brief, the verify stage, the site object and the citation formatter read it and
        // report into one thread-safe sink, whose order is fixed when sorted: they run side by side.
        var siteUrl = (options.SiteUrl ?? content.Brief.SiteUrl) is { } u ? UrlPaths.NormalizeBase(u) : null;
        var style = content.Brief.Style ?? cache?.Citations.DefaultStyle(content.Brief.Language) ?? Model.CitationStyle.Default(content.Brief.Language);
        var citations = 0;
        var images = ContentImages.None;
        Verification verification = null!;
        Render.Citations.CitationFormatter formatter = null!;
        Scriban.Runtime.ScriptObject siteModel = null!;
        Concurrently.Invoke(
            () => verification = Verification.Run(brief, diagnostics, cache?.Verify), // Verify
            () => formatter = new Render.Citations.CitationFormatter(style, content.Sources, brief.NumberedPages, diagnostics,
                Render.Data.BriefCitation.Item(content.Brief, siteUrl), () => brief.PrintPage, cache?.Citations),
            () =>
            {
                LinkChecks.Run(brief, diagnostics, cache?.Resolve.LinkChecks);
                UsageChecks.Run(content, brief.Mentions, diagnostics);
            },
            () =>
            {
                citations = CitationChecks.Run(parsed, brief.Sources, diagnostics, content.Unloaded, cache?.Resolve.CitationChecks);
                PlaceholderChecks.Run(parsed, diagnostics, cache?.Resolve.PlaceholderChecks);
                FootnoteChecks.Run(parsed, diagnostics, cache?.Resolve.FootnoteChecks);
                images = ContentImages.Resolve(parsed, paths, templates.Assets.Select(a => a.Key), diagnostics, cache?.Resolve.Images);
                siteModel = SiteModel.Build(brief, siteUrl);
            });

        var buildTime = TemplateFunctions.BuildTimeFor(options.SourceDateEpoch, content.Brief.Date);
        var runner = new TemplateRunner(templates, siteModel, baseUrl, buildTime, diagnostics);
        var inputs = new RenderInputs(brief, verification, _markdown, markdownSite, siteUrl, runner, formatter, images);
        return new PreparedSite(inputs, runner, diagnostics) { Citations = citations };
    }

    /// <summary>
    /// Builds and, when there are no errors, swaps the new site into the output folder. Each file is written into a
    /// staging folder beside the output as soon as it is rendered and only its link scan is kept, so the site's bytes are
    /// never all in memory; a build that fails deletes the staging folder. The result lists the paths written, not the bytes.
    /// </summary>
    public BuildResult Build()
    {
        var diagnostics = new DiagnosticBag();
        var site = Prepare(diagnostics);
        if (site is null || diagnostics.HasErrors)
        {
            return Finish(diagnostics, [], site?.Stats(0) ?? new BuildStats(0, 0, 0, 0, 0, 0, 0));
        }

        // Where the site goes is checked before anything is written; when it cannot go there, the brief is still
        // checked in full, and what stops the write is reported after what the check found.
        var target = new DiagnosticBag();
        using var staged = SiteWriter.CheckTarget(options.ResolvedOutDir, options.Root, _protectedFolders, target)
            ? SiteWriter.Stage(options.ResolvedOutDir, target)
            : null;
        if (staged is null)
        {
            var result = Check(site, diagnostics);
            return result.Succeeded ? result with { Diagnostics = [.. result.Diagnostics, .. target.Sorted()], Files = [] } : result;
        }

        var scans = new System.Collections.Concurrent.ConcurrentDictionary<string, PageScan>(StringComparer.Ordinal);
        var count = 0;
        void Write(OutputFile file)
        {
            Interlocked.Increment(ref count);
            if (!SiteWriter.CheckPath(file, diagnostics))
            {
                return;
            }

            staged.Add(file);
            if (file.Path.EndsWith(".html", StringComparison.Ordinal))
            {
                scans[file.Path] = OutputLinkCheck.Scan(file.Bytes);
            }
        }

        var pages = site.RenderAll(Write);
        var paths = pages.ToList();
        foreach (var file in site.DataFiles(pages))
        {
            paths.Add(file.Path);
            Write(file);
        }

        OutputLinkCheck.Run(scans, paths.ToHashSet(StringComparer.Ordinal), site.Brief.BaseUrl, diagnostics);
        var built = Finish(diagnostics, [], site.Stats(count));
        if (built.Succeeded)
        {
            staged.Commit();
            return built with { Written = paths };
        }

        return built;
    }

    /// <summary>The theme: --templates, else ROOT/templates over the built-in one, else the built-in one.</summary>
    public TemplateSet LoadTemplates(RootPaths paths, DiagnosticBag diagnostics)
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
