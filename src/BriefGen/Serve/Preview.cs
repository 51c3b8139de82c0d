using System.Collections.Immutable;
using System.Diagnostics;
using BriefGen.Build;
using BriefGen.Diagnostics;
using BriefGen.Load;
using BriefGen.Markdown;
using BriefGen.Render;
using BriefGen.Write;

namespace BriefGen.Cli.Serve;

/// <summary>What one rebuild of the preview did.</summary>
public sealed record Rebuild(
    bool Succeeded,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<string> RenderedPaths,
    int Pages,
    TimeSpan Elapsed,
    IReadOnlyList<string> FilesRead)
{
    /// <summary>How many pages were rendered again.</summary>
    public int Rendered => RenderedPaths.Count;

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

/// <summary>
/// The preview's site, rebuilt incrementally: it keeps the last good site, the fingerprint of every page's
/// view and every page's link scan. A rebuild loads and resolves the brief again (Markdown is parsed only when
/// its text changed; the theme is reloaded only when a template file changed), then renders only the pages
/// whose view changed. Not thread-safe: one rebuild at a time (the <see cref="RebuildQueue"/> sees to it).
/// </summary>
public sealed class Preview(BuildOptions options)
{
    private readonly MarkdownEngine _markdown = MarkdownEngine.WithCache();
    private readonly Dictionary<string, string> _fingerprints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PageScan> _scans = new(StringComparer.Ordinal);
    private TemplateSet? _templates;
    private string? _templatesHash;

    /// <summary>The last good site: path → bytes. Replaced whole, never edited, so readers need no lock.</summary>
    public ImmutableDictionary<string, byte[]> Site { get; private set; } = ImmutableDictionary.Create<string, byte[]>(StringComparer.Ordinal);

    /// <summary>Builds again; on errors the last good site stays as it was.</summary>
    public Rebuild Run()
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var builder = new Builder(options, _markdown);
        var templates = Theme(builder, diagnostics);
        var site = builder.Prepare(diagnostics, templates);
        if (site is null || diagnostics.HasErrors)
        {
            return Finish(diagnostics, false, [], 0, clock, site is null ? [] : LoadedFiles.Of(site.Brief.Content));
        }

        // A page is rendered again only when what its template sees changed, or the site around it did.
        var siteKey = _templatesHash + site.Fingerprint();
        var views = site.Views();
        var fingerprints = views.AsParallel().AsOrdered().Select(v => ViewFingerprint.Of(v, siteKey)).ToList();
        var changed = views.Select((v, i) => (View: v, Print: fingerprints[i]))
            .Where(x => !_fingerprints.TryGetValue(x.View.SitePath, out var old) || old != x.Print)
            .ToList();
        var rendered = site.Render(changed.Select(c => c.View).ToList());
        if (diagnostics.HasErrors)
        {
            return Finish(diagnostics, false, rendered.Select(f => f.Path).ToList(), views.Count, clock, LoadedFiles.Of(site.Brief.Content));
        }

        var next = Site.ToBuilder();
        var scans = new Dictionary<string, PageScan>(_scans, StringComparer.Ordinal);
        var pagePaths = views.Select(v => Resolve.SitePaths.File(v.SitePath)).ToList();
        foreach (var stale in next.Keys.Except(pagePaths, StringComparer.Ordinal).Where(p => p.EndsWith(".html", StringComparison.Ordinal)).ToList())
        {
            next.Remove(stale);
            scans.Remove(stale);
        }

        foreach (var file in rendered)
        {
            next[file.Path] = file.Bytes;
            scans[file.Path] = OutputLinkCheck.Scan(file.Bytes);
        }

        foreach (var file in site.DataFiles(pagePaths))
        {
            next[file.Path] = file.Bytes;
        }

        SiteWriter.CheckPaths(rendered, diagnostics);
        OutputLinkCheck.Run(scans, next.Keys.ToHashSet(StringComparer.Ordinal), site.Brief.BaseUrl, diagnostics);
        if (diagnostics.HasErrors)
        {
            return Finish(diagnostics, false, rendered.Select(f => f.Path).ToList(), views.Count, clock, LoadedFiles.Of(site.Brief.Content));
        }

        _scans.Clear();
        foreach (var (path, scan) in scans)
        {
            _scans[path] = scan;
        }

        Site = next.ToImmutable();
        _fingerprints.Clear();
        for (var i = 0; i < views.Count; i++)
        {
            _fingerprints[views[i].SitePath] = fingerprints[i];
        }

        return Finish(diagnostics, true, rendered.Select(f => f.Path).ToList(), views.Count, clock, LoadedFiles.Of(site.Brief.Content));
    }

    /// <summary>The theme, loaded again only when a file of the templates folder changed (by content hash).</summary>
    private TemplateSet Theme(Builder builder, DiagnosticBag diagnostics)
    {
        var folder = options.TemplatesDir ?? Path.Combine(options.Root, "templates");
        var hash = FolderHash(folder);
        if (_templates is null || hash != _templatesHash)
        {
            var themeDiagnostics = new DiagnosticBag();
            _templates = builder.LoadTemplates(new RootPaths(options.Root), themeDiagnostics);
            _templatesHash = themeDiagnostics.HasErrors ? null : hash; // A broken theme is read again next time.
            foreach (var d in themeDiagnostics.Sorted())
            {
                diagnostics.Add(d);
            }
        }

        return _templates;
    }

    private static string FolderHash(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return "";
        }

        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(file + "\0"));
            try
            {
                hash.AppendData(File.ReadAllBytes(file));
            }
            catch (IOException)
            {
                hash.AppendData([0xFF]); // Being saved: read it again on the next rebuild.
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static Rebuild Finish(DiagnosticBag diagnostics, bool ok, IReadOnlyList<string> rendered, int pages, Stopwatch clock, IReadOnlyList<string> files) =>
        new(ok, diagnostics.Sorted(), rendered, pages, clock.Elapsed, files);
}
