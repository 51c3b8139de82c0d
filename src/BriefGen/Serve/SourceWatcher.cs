namespace BriefGen.Cli.Serve;

/// <summary>
/// Watches what the last build read: content/ and the templates folder whole (a new page or partial counts),
/// and each other folder that holds a source text, for those files only. The list follows each rebuild, so a
/// source folder named later is watched too.
/// </summary>
public sealed class SourceWatcher(string root, string? templatesDir, Action changed) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FileSystemWatcher> _watchers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _wholeFolders = new(StringComparer.Ordinal);
    private HashSet<string> _files = new(StringComparer.Ordinal);
    private IReadOnlyList<string>? _watching;

    /// <summary>Starts watching content/ and the templates folder.</summary>
    public void Start()
    {
        foreach (var folder in new[] { Path.Combine(root, "content"), templatesDir ?? Path.Combine(root, "templates") })
        {
            var full = Path.GetFullPath(folder);
            lock (_gate)
            {
                _wholeFolders.Add(full);
            }

            Add(full);
        }
    }

    /// <summary>The files the last build read, root-relative; their folders are watched from now on.</summary>
    public void Watch(IReadOnlyList<string> filesRead)
    {
        if (ReferenceEquals(filesRead, _watching))
        {
            return; // The same list as last time (the preview hands it back while the files are the same): nothing to add.
        }

        _watching = filesRead;
        var files = filesRead.Select(f => Path.GetFullPath(Path.Combine(root, f))).ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            _files = files;
        }

        foreach (var folder in files.Select(Path.GetDirectoryName).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Add(folder);
        }
    }

    /// <summary>The folders watched now.</summary>
    public IReadOnlyList<string> Folders
    {
        get
        {
            lock (_gate)
            {
                return [.. _watchers.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    private void Add(string folder)
    {
        lock (_gate)
        {
            if (_watchers.ContainsKey(folder) || !Directory.Exists(folder) || _wholeFolders.Any(w => folder.StartsWith(w + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                return;
            }

            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = _wholeFolders.Contains(folder) };
            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += OnChange;
            watcher.EnableRaisingEvents = true;
            _watchers[folder] = watcher;
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        bool relevant;
        lock (_gate)
        {
            relevant = _wholeFolders.Any(w => e.FullPath.StartsWith(w + Path.DirectorySeparatorChar, StringComparison.Ordinal)) ||
                       _files.Contains(e.FullPath) || (e is RenamedEventArgs r && _files.Contains(r.OldFullPath));
        }

        if (relevant)
        {
            changed();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var w in _watchers.Values)
            {
                w.Dispose();
            }

            _watchers.Clear();
        }
    }
}
