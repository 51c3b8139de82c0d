namespace BriefGen.Cli.Serve;

/// <summary>
/// Watches what the last build read: content/ and the templates folder whole (a new page or partial counts),
/// and each other folder that holds a source text, for those files only. The list follows each rebuild, so a
/// source folder named later is watched too. It also gathers what changed (<see cref="Take"/>), so a rebuild need not
/// look at every file of content/ to find the one that was saved.
/// </summary>
public sealed class SourceWatcher(string root, string? templatesDir, Action changed) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FileSystemWatcher> _watchers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _wholeFolders = new(StringComparer.Ordinal);
    private HashSet<string> _files = new(StringComparer.Ordinal);
    private HashSet<string> _folders = new(StringComparer.Ordinal); // Every folder that holds, at any depth, a file read.
    private IReadOnlyList<string>? _watching;
    private HashSet<string> _changed = new(StringComparer.Ordinal);
    private bool _lost; // Events were lost, or a folder appeared, moved or went: what changed cannot be told.

    /// <summary>
    /// The full paths of the files seen to change since the last call (or since <see cref="Start"/>); null when what
    /// changed cannot be told: the system dropped events, or a folder was created, moved or deleted, which changes the
    /// files inside it without an event for each. Called by a rebuild before it reads anything.
    /// </summary>
    public IReadOnlySet<string>? Take()
    {
        lock (_gate)
        {
            var changed = _lost ? null : _changed;
            _changed = new HashSet<string>(StringComparer.Ordinal);
            _lost = false;
            return changed;
        }
    }

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
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            for (var folder = Path.GetDirectoryName(file); !string.IsNullOrEmpty(folder) && folders.Add(folder); folder = Path.GetDirectoryName(folder))
            {
            }
        }

        lock (_gate)
        {
            _files = files;
            _folders = folders;
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
            watcher.Error += OnLost;
            watcher.EnableRaisingEvents = true;
            _watchers[folder] = watcher;
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        var old = (e as RenamedEventArgs)?.OldFullPath;

        // A folder that appears (created, or moved in) brings files no event named; one that goes (deleted, moved
        // away) was told as one event, not one per file. A path that is a folder now is looked at outside the lock.
        var folderNow = e.ChangeType != WatcherChangeTypes.Deleted && Directory.Exists(e.FullPath);
        bool relevant;
        lock (_gate)
        {
            relevant = _wholeFolders.Any(w => e.FullPath.StartsWith(w + Path.DirectorySeparatorChar, StringComparison.Ordinal)) ||
                       _files.Contains(e.FullPath) || (old is not null && _files.Contains(old));
            if (relevant)
            {
                _changed.Add(e.FullPath);
                if (old is not null)
                {
                    _changed.Add(old);
                }

                _lost |= folderNow || _folders.Contains(e.FullPath) || (old is not null && _folders.Contains(old));
            }
        }

        if (relevant)
        {
            changed();
        }
    }

    /// <summary>The system dropped events (its queue overflowed): the next rebuild looks at every file.</summary>
    private void OnLost(object sender, ErrorEventArgs e)
    {
        lock (_gate)
        {
            _lost = true;
        }

        changed();
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
