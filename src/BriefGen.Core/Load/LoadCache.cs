using BriefGen.Diagnostics;

namespace BriefGen.Load;

/// <summary>
/// What loading each file gave last time, with the text it was read from and the diagnostics it reported: a
/// file whose text did not change is not parsed again (the preview's rebuilds). One entry per file, so the cache
/// holds one brief's worth of results however many rebuilds run. Thread-safe.
/// </summary>
public sealed class LoadCache
{
    private readonly Dictionary<(string Kind, string Path), Entry> _entries = [];
    private readonly Dictionary<string, KeptText> _texts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>How many files were parsed, not served from the cache.</summary>
    public int Misses { get; private set; }

    /// <summary>
    /// The result of <paramref name="load"/> for this file and key (its text, and for sources.yml the stamps of the
    /// files it names), computed once; its diagnostics are reported into <paramref name="diagnostics"/> each time.
    /// <paramref name="keep"/> says whether a result may be kept (a result that depends on more than the key may not).
    /// </summary>
    /// <paramref name="keyOf"/>, when given, is the key the result is kept under (stamps of the files it turned out to read).
    internal T Memo<T>(string kind, string path, string key, DiagnosticBag diagnostics, Func<DiagnosticBag, T> load,
        Func<T, IReadOnlyList<Diagnostic>, bool>? keep = null, Func<T, string>? keyOf = null)
    {
        Entry? entry;
        lock (_gate)
        {
            _entries.TryGetValue((kind, path), out entry);
        }

        if (entry is null || !string.Equals(entry.Key, key, StringComparison.Ordinal))
        {
            var own = new DiagnosticBag();
            var value = load(own);
            var reported = own.Sorted();
            entry = new Entry(keyOf is null ? key : keyOf(value), value, reported);
            lock (_gate)
            {
                Misses++;
                if (_entries.Remove((kind, path), out var was))
                {
                    was.Replaced = true;
                }

                if (keep is null || keep(value, reported))
                {
                    _entries[(kind, path)] = entry;
                }
            }
        }

        diagnostics.AddReported(entry.Diagnostics);

        return (T)entry.Value!;
    }

    /// <summary>
    /// The text of a file read cleanly before, if its stamp (size, time) is still <paramref name="stamp"/> and
    /// the file was not written shortly before it was read: file times tick coarsely (a few milliseconds), so a file
    /// saved twice within one tick with the same size keeps its stamp. Such a file is read again until its last
    /// write is older than <see cref="Settled"/> at the time of reading, as Git treats "racily clean" files.
    /// </summary>
    internal string? TextOf(string fullPath, FileStamp stamp)
    {
        lock (_gate)
        {
            return _texts.TryGetValue(fullPath, out var kept) && kept.Settled && kept.Stamp == stamp
                ? kept.Text
                : null;
        }
    }

    /// <summary>
    /// Starts a rebuild that is told which files changed since the last one (the preview's file watcher, which watches
    /// content/ whole from before the first build): their kept texts are dropped, and until the next call every other
    /// kept text of content/ is <see cref="Unchanged"/> without a look at its file. Null when the watcher cannot tell (it
    /// lost events, or a folder moved): every file's stamp is looked at again.
    /// </summary>
    /// <remarks>
    /// Sound because every write to a file is followed by its event, and a rebuild takes the events before it reads: a
    /// write the rebuild did not see is in the next rebuild's set. The kept texts are dropped here, not when a file is
    /// read, so a rebuild that stops early (an error, a crash) cannot leave a changed file trusted.
    /// </remarks>
    public void Changed(IReadOnlySet<string>? fullPaths)
    {
        lock (_gate)
        {
            _changed = fullPaths;
            foreach (var path in fullPaths ?? (IEnumerable<string>)[])
            {
                Drop(path);
            }
        }
    }

    private IReadOnlySet<string>? _changed; // What the watcher saw change before this rebuild; null when not known.
    private (string Folder, List<string> Files)? _listing;

    /// <summary>
    /// The text kept for a file of content/ when the watcher said it did not change since (see <see cref="Changed"/>),
    /// with its root-relative path; null otherwise, and then the file's stamp decides (<see cref="TextOf"/>).
    /// </summary>
    internal (string Text, string Rel)? Unchanged(string fullPath)
    {
        lock (_gate)
        {
            return _changed is not null && _texts.TryGetValue(fullPath, out var kept) ? (kept.Text, kept.Rel) : null;
        }
    }

    /// <summary>
    /// The Markdown files of a folder of content/, sorted: the last listing again when the watcher saw no file of the
    /// folder appear or go since (a changed file that is still there, or a gone one that is still gone), else
    /// <paramref name="list"/>'s.
    /// </summary>
    internal List<string> Listing(string folder, Func<List<string>> list)
    {
        lock (_gate)
        {
            if (_changed is { } changed && _listing is var (was, files) && was == folder && changed.All(path => Same(path, folder, files)))
            {
                return files;
            }
        }

        var listed = list();
        lock (_gate)
        {
            _listing = (folder, listed);
        }

        return listed;

        static bool Same(string path, string folder, List<string> files) =>
            !string.Equals(Path.GetDirectoryName(path), folder, StringComparison.Ordinal) || !path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ||
            files.BinarySearch(path, StringComparer.Ordinal) >= 0 == File.Exists(path);
    }

    private (string Kind, List<string> Files, (KeptText Text, Entry Entry)?[] Loaded)? _pass;

    /// <summary>
    /// For each of <paramref name="files"/>, what the last pass over the same listing loaded from it (<see cref="Passed"/>),
    /// when the watcher said it did not change since (see <see cref="Changed"/>) and its kept text and result are still
    /// the ones that pass used; null where the file must be loaded again. Null when the watcher cannot tell, or the
    /// listing is not the last pass's.
    /// </summary>
    /// <remarks>
    /// Sound for the reason <see cref="Unchanged"/> is: such a file would be given its kept text, and that text its kept
    /// result. A kept text dropped by a change that a failed rebuild saw, or a result replaced since, is marked so
    /// (<see cref="KeptText.Dropped"/>, <see cref="Entry.Replaced"/>): each file is told by two flags, without hashing its
    /// path (at 5,000 pages three lookups per file were a tenth of a rebuild).
    /// </remarks>
    internal LoadedEntry?[]? KeptPass(string kind, List<string> files)
    {
        lock (_gate)
        {
            if (_changed is not { } changed || _pass is not var (passKind, passFiles, loaded) || passKind != kind || !ReferenceEquals(passFiles, files))
            {
                return null;
            }

            var kept = new LoadedEntry?[files.Count];
            for (var i = 0; i < files.Count; i++)
            {
                if (loaded[i] is var (text, entry) && !text.Dropped && !entry.Replaced)
                {
                    kept[i] = new LoadedEntry(entry.Value, entry.Diagnostics);
                }
            }

            // A changed file's kept text was dropped by Changed; its place is cleared all the same.
            foreach (var path in changed)
            {
                if (files.BinarySearch(path, StringComparer.Ordinal) is var at and >= 0)
                {
                    kept[at] = null;
                }
            }

            return kept;
        }
    }

    /// <summary>
    /// Records a pass over <paramref name="files"/>: the files at <paramref name="loadedAgain"/> as they were just loaded,
    /// each with the text and result it was loaded with, when both were kept (a file that failed to read, or whose result
    /// may not be kept, is loaded again next time); the others as the last pass over the same listing recorded them,
    /// which is what <see cref="KeptPass"/> took. A pass that took nothing loaded every file again.
    /// </summary>
    internal void Passed(string kind, List<string> files, List<int> loadedAgain)
    {
        lock (_gate)
        {
            var loaded = _pass is var (passKind, same, was) && passKind == kind && ReferenceEquals(same, files)
                ? was
                : new (KeptText Text, Entry Entry)?[files.Count];
            foreach (var i in loadedAgain)
            {
                loaded[i] = _texts.TryGetValue(files[i], out var t) && _entries.TryGetValue((kind, t.Rel), out var entry) &&
                            string.Equals(entry.Key, t.Text, StringComparison.Ordinal)
                    ? (t, entry)
                    : null;
            }

            _pass = (kind, files, loaded);
        }
    }

    /// <summary>How long before a read a file's last write must lie for its stamp to be trusted.</summary>
    public static readonly TimeSpan Settled = TimeSpan.FromSeconds(1);

    internal void KeepText(string fullPath, string rel, FileStamp stamp, DateTime writtenUtc, string text)
    {
        var settled = writtenUtc < DateTime.UtcNow - Settled;
        lock (_gate)
        {
            Drop(fullPath);
            _texts[fullPath] = new KeptText(stamp, text, rel, settled);
        }
    }

    /// <summary>Forgets a file's kept text, marking it dropped for the passes that recorded it. Called under the lock.</summary>
    private void Drop(string fullPath)
    {
        if (_texts.Remove(fullPath, out var was))
        {
            was.Dropped = true;
        }
    }

    /// <summary>The value kept for a file, whatever its key; null when there is none.</summary>
    internal T? Peek<T>(string kind, string path)
        where T : class
    {
        lock (_gate)
        {
            return _entries.TryGetValue((kind, path), out var entry) ? entry.Value as T : null;
        }
    }

    /// <summary>What loading a file gave. <see cref="Replaced"/> once another result (or none) is kept for the file in its place; set under the lock.</summary>
    private sealed class Entry(string key, object? value, IReadOnlyList<Diagnostic> diagnostics)
    {
        public string Key { get; } = key;

        public object? Value { get; } = value;

        public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

        public bool Replaced { get; set; }
    }

    /// <summary>A file's text as last read cleanly. <see cref="Dropped"/> once it is no longer the file's kept text; set under the lock.</summary>
    private sealed class KeptText(FileStamp stamp, string text, string rel, bool settled)
    {
        public FileStamp Stamp { get; } = stamp;

        public string Text { get; } = text;

        public string Rel { get; } = rel;

        public bool Settled { get; } = settled;

        public bool Dropped { get; set; }
    }
}

/// <summary>What loading a file gave, and what it reported, kept from the last pass (<see cref="LoadCache.KeptPass"/>).</summary>
internal readonly record struct LoadedEntry(object? Value, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// What a file's stamp is made of: whether it exists, its size and its last write time. Compared as numbers, not
/// formatted into a string for each of thousands of files on every preview rebuild.
/// </summary>
internal readonly record struct FileStamp(bool Exists, long Length, long WriteTicks)
{
    public static FileStamp Of(FileInfo info) => info.Exists ? new(true, info.Length, info.LastWriteTimeUtc.Ticks) : default;
}
