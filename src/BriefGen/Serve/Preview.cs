using System.Collections.Immutable;
using System.Diagnostics;
using BriefGen.Build;
using BriefGen.Diagnostics;
using BriefGen.Load;
using BriefGen.Markdown;
using BriefGen.Model;
using BriefGen.Render;
using BriefGen.Resolve;
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

    /// <summary>The pages the rebuild took out of the site (a page deleted, or moved to another id).</summary>
    public IReadOnlyList<string> RemovedPaths { get; init; } = [];

    /// <summary>How many page views were built to compare (all of them unless the fast path could tell which changed).</summary>
    public int ViewsBuilt { get; init; }

    /// <summary>True for the second half of a rebuild (<see cref="Preview.Finish"/>): the print page and the data files.</summary>
    public bool FollowUp { get; init; }
}

/// <summary>
/// The preview's site, rebuilt incrementally: it keeps the last good site, the fingerprint of every page's view,
/// every page's link scan and a <see cref="BuildCache"/>, so a rebuild reads, parses, numbers and checks only the
/// files that changed. When only the bodies of pages changed, <see cref="ChangedOutputs"/> names the outputs that can
/// differ and only their views are built; otherwise every view is built and compared. The print page and the data
/// files (search index, brief.json, sitemap), which repeat every page, are left to <see cref="Finish"/>, run after the
/// changed pages are served. Not thread-safe: one rebuild at a time (the <see cref="RebuildQueue"/> sees to it).
/// </summary>
public sealed class Preview(BuildOptions options)
{
    private readonly BuildCache _cache = new();
    private readonly Dictionary<string, string> _fingerprints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PageScan> _scans = new(StringComparer.Ordinal);
    private HashSet<string> _paths = new(StringComparer.Ordinal); // The keys of Site.
    private TemplateSet? _templates;
    private string? _templatesHash;
    private PreparedSite? _last;
    private string? _lastSiteKey;
    private IReadOnlyList<string> _viewPaths = [];
    private Dictionary<string, int> _viewIndex = new(StringComparer.Ordinal); // Each of _viewPaths' place in it (the first, for a repeat).
    private IReadOnlyList<string> _pagePaths = []; // The files of _viewPaths.
    private PreparedSite? _pending;
    private (BriefContent Content, IReadOnlyList<string> Files)? _files; // The files the last load read, for the watcher.

    /// <summary>The last good site: path → bytes. Replaced whole, never edited, so readers need no lock.</summary>
    public ImmutableDictionary<string, byte[]> Site { get; private set; } = ImmutableDictionary.Create<string, byte[]>(StringComparer.Ordinal);

    /// <summary>Whether <see cref="Finish"/> has work left: the print page and data files of the last rebuild.</summary>
    public bool HasFollowUp => _pending is not null;

    /// <summary>
    /// Builds again; on errors the last good site stays as it was. <paramref name="changedFiles"/> names the files that changed
    /// since the last rebuild, as the watcher saw them (<see cref="SourceWatcher.Take"/>): the other files of content/
    /// that were read cleanly are not looked at again. Null when that is not known: every file's stamp is looked at.
    /// </summary>
    public Rebuild Run(IReadOnlySet<string>? changedFiles = null)
    {
        var clock = Stopwatch.StartNew();
        _cache.Load.Changed(changedFiles);
        var diagnostics = new DiagnosticBag();
        var builder = new Builder(options, _cache);
        var templates = Theme(builder, diagnostics);
        var site = builder.Prepare(diagnostics, templates);
        if (site is null || diagnostics.HasErrors)
        {
            return Done(diagnostics, false, [], 0, clock, site is null ? [] : FilesOf(site.Brief.Content));
        }

        // The outputs to compare: those the edit can have changed when that can be told, else all of them.
        var siteKey = _templatesHash + site.Fingerprint();
        var builders = site.ViewBuilders();
        var only = _last is not null && siteKey == _lastSiteKey && builders.Count == _viewPaths.Count ? ChangedOutputs.Between(_last, site) : null;
        var picked = only is null
            ? Enumerable.Range(0, builders.Count).ToList()
            : only.Where(p => p != SitePaths.Print).Select(p => _viewIndex.TryGetValue(p, out var i) ? i : -1).Where(i => i >= 0).Order().ToList();
        var views = picked.AsParallel().AsOrdered().Select(i => builders[i]()).ToList();
        if (only is not null && views.Where((v, k) => v.SitePath != _viewPaths[picked[k]]).Any())
        {
            only = null; // The outputs moved: compare them all.
            picked = Enumerable.Range(0, builders.Count).ToList();
            views = site.Views().ToList();
        }

        var (fingerprints, changed) = Compare(views, siteKey);
        var rendered = site.Render(changed);
        var files = FilesOf(site.Brief.Content);
        if (diagnostics.HasErrors)
        {
            return Done(diagnostics, false, rendered.Select(f => f.Path).ToList(), builders.Count, clock, files);
        }

        var viewPaths = only is null ? views.Select(v => v.SitePath).ToList() : _viewPaths;
        var pagePaths = only is null ? viewPaths.Select(SitePaths.File).ToList() : _pagePaths;
        var next = Site.ToBuilder();
        var undo = new List<(string Path, PageScan? Was)>(); // The scans replaced, to put back if this rebuild fails.
        var removed = new List<string>();
        try
        {
            if (only is null)
            {
                foreach (var stale in next.Keys.Except(pagePaths, StringComparer.Ordinal).Where(p => p.EndsWith(".html", StringComparison.Ordinal)).ToList())
                {
                    removed.Add(stale);
                    next.Remove(stale);
                    undo.Add((stale, _scans.GetValueOrDefault(stale)));
                    _scans.Remove(stale);
                }
            }

            var idsGone = Put(rendered, next, undo, site.Brief.BaseUrl);

            if (only is null)
            {
                foreach (var file in site.DataFiles(pagePaths))
                {
                    next[file.Path] = file.Bytes;
                }
            }

            // The last site's links all resolved. With the same files and no id gone from a re-rendered page, only the
            // re-rendered pages' own links need checking; otherwise every page's.
            SiteWriter.CheckPaths(rendered, diagnostics);
            var all = PathsOf(next, only is not null ? rendered : null);
            if (only is not null && !idsGone)
            {
                OutputLinkCheck.Run(rendered.Select(f => f.Path).Where(_scans.ContainsKey), _scans, all, site.Brief.BaseUrl, diagnostics);
            }
            else
            {
                // The print page is left to the follow-up when only pages were rendered: its last scan, not yet redone,
                // still links to what the pages had, and the follow-up checks it once it is rendered again.
                var print = SitePaths.File(SitePaths.Print);
                OutputLinkCheck.Run(only is null ? _scans.Keys : _scans.Keys.Where(p => p != print), _scans, all, site.Brief.BaseUrl, diagnostics);
            }

            if (diagnostics.HasErrors)
            {
                Undo(undo);
                return Done(diagnostics, false, rendered.Select(f => f.Path).ToList(), builders.Count, clock, files);
            }

            Commit(next, all);
        }
        catch
        {
            Undo(undo); // A rebuild that throws leaves the last good scans as they were.
            throw;
        }

        if (only is null)
        {
            _fingerprints.Clear();
        }

        Remember(views, fingerprints);

        _last = site;
        _lastSiteKey = siteKey;
        if (!ReferenceEquals(_viewPaths, viewPaths))
        {
            _viewPaths = viewPaths;
            _pagePaths = pagePaths;
            _viewIndex = new Dictionary<string, int>(viewPaths.Count, StringComparer.Ordinal);
            for (var i = 0; i < viewPaths.Count; i++)
            {
                _viewIndex.TryAdd(viewPaths[i], i);
            }
        }
        _pending = only is null ? null : site;
        return Done(diagnostics, true, rendered.Select(f => f.Path).ToList(), builders.Count, clock, files) with { ViewsBuilt = views.Count, RemovedPaths = removed };
    }

    /// <summary>
    /// The rest of the last rebuild, once its changed pages are served: the print page and the data files. Null when there
    /// is nothing left to do, or when <paramref name="stop"/> was cancelled first (a newer save: at 5,000 pages this takes
    /// seconds, and the save must not wait for it). A newer rebuild makes this one's leftovers its own; a stopped one
    /// leaves them as they were, and the site as it was.
    /// </summary>
    public Rebuild? Finish(CancellationToken stop = default)
    {
        if (_pending is not { } site)
        {
            return null;
        }

        _pending = null;
        try
        {
            return Finish(site, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            _pending = site; // Where it stopped, it put back the scans it had replaced: the next rebuild takes the rest over.
            return null;
        }
    }

    private Rebuild Finish(PreparedSite site, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        // The print page repeats the pages the last rebuild rendered, so it changed with them: it is rendered without the
        // fingerprint of its view (at 5,000 pages a second of hashing), and a rebuild that compares every view renders it
        // again, having no fingerprint to compare it with.
        var views = _viewIndex.ContainsKey(SitePaths.Print) ? new List<PageView> { site.PrintView(stop) } : [];
        stop.ThrowIfCancellationRequested();
        var rendered = views.Select(view => site.Render(view, stop)).OfType<OutputFile>().ToList();
        stop.ThrowIfCancellationRequested();
        var pagePaths = _pagePaths;
        var next = Site.ToBuilder();
        var files = FilesOf(site.Brief.Content);
        var undo = new List<(string Path, PageScan? Was)>();
        try
        {
            Put(rendered, next, undo, site.Brief.BaseUrl);

            foreach (var file in site.DataFiles(pagePaths, stop))
            {
                next[file.Path] = file.Bytes;
            }

            stop.ThrowIfCancellationRequested();
            SiteWriter.CheckPaths(rendered, diagnostics);
            var all = PathsOf(next, null);
            OutputLinkCheck.Run(_scans, all, site.Brief.BaseUrl, diagnostics);
            if (diagnostics.HasErrors)
            {
                Undo(undo);
                return Done(diagnostics, false, rendered.Select(f => f.Path).ToList(), _viewPaths.Count, clock, files) with { FollowUp = true };
            }

            Commit(next, all);
        }
        catch
        {
            Undo(undo); // A rebuild that throws leaves the last good scans as they were.
            throw;
        }

        _fingerprints.Remove(SitePaths.Print);
        return Done(diagnostics, true, rendered.Select(f => f.Path).ToList(), _viewPaths.Count, clock, files) with { FollowUp = true };
    }

    /// <summary>The files <paramref name="content"/> was loaded from: the last rebuild's list itself while they are the same files.</summary>
    private IReadOnlyList<string> FilesOf(BriefContent content)
    {
        var files = LoadedFiles.Of(content, _files);
        _files = (content, files);
        return files;
    }

    /// <summary>Each view's fingerprint, and the views whose fingerprint differs from the one they were last served with.</summary>
    private (List<string> Fingerprints, List<PageView> Changed) Compare(IReadOnlyList<PageView> views, string siteKey)
    {
        var fingerprints = views.AsParallel().AsOrdered().Select(v => ViewFingerprint.Of(v, siteKey)).ToList();
        return (fingerprints, views.Where((v, k) => !_fingerprints.TryGetValue(v.SitePath, out var old) || old != fingerprints[k]).ToList());
    }

    private void Remember(IReadOnlyList<PageView> views, List<string> fingerprints)
    {
        for (var k = 0; k < views.Count; k++)
        {
            _fingerprints[views[k].SitePath] = fingerprints[k];
        }
    }

    /// <summary>
    /// Puts rendered pages into the next site and their link scans in place of the last ones (each replaced scan noted
    /// in <paramref name="undo"/>); true when one of them lost an id it had.
    /// </summary>
    private bool Put(IReadOnlyList<OutputFile> rendered, ImmutableDictionary<string, byte[]>.Builder next, List<(string Path, PageScan? Was)> undo,
        string baseUrl)
    {
        var idsGone = false;
        foreach (var file in rendered)
        {
            next[file.Path] = file.Bytes;
            var scan = OutputLinkCheck.Scan(file.Bytes, file.Path, baseUrl);
            var had = _scans.TryGetValue(file.Path, out var old);
            idsGone |= !had || !scan.Ids.IsSupersetOf(old!.Ids);
            undo.Add((file.Path, had ? old : null));
            _scans[file.Path] = scan;
        }

        return idsGone;
    }

    /// <summary>Puts back the scans a failed rebuild replaced, last first: the last good site's scans again.</summary>
    private void Undo(List<(string Path, PageScan? Was)> undo)
    {
        for (var i = undo.Count - 1; i >= 0; i--)
        {
            var (path, was) = undo[i];
            if (was is null)
            {
                _scans.Remove(path);
            }
            else
            {
                _scans[path] = was;
            }
        }
    }

    /// <summary>
    /// Every path of the next site: the last site's paths again when the rebuild only replaced pages it had
    /// (<paramref name="replaced"/>), else counted anew.
    /// </summary>
    private HashSet<string> PathsOf(ImmutableDictionary<string, byte[]>.Builder next, IReadOnlyList<OutputFile>? replaced) =>
        replaced is not null && next.Count == _paths.Count && replaced.All(f => _paths.Contains(f.Path))
            ? _paths
            : next.Keys.ToHashSet(StringComparer.Ordinal);

    private void Commit(ImmutableDictionary<string, byte[]>.Builder next, HashSet<string> paths)
    {
        Site = next.ToImmutable();
        _paths = paths;
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
            diagnostics.AddReported(themeDiagnostics.Sorted());
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

    // The diagnostics are sorted when first read: after the reload is sent.
    private static Rebuild Done(DiagnosticBag diagnostics, bool ok, IReadOnlyList<string> rendered, int pages, Stopwatch clock, IReadOnlyList<string> files) =>
        new(ok, diagnostics.SortedWhenRead(), rendered, pages, clock.Elapsed, files);
}
