using BriefGen.Diagnostics;
using BriefGen.Render;

namespace BriefGen.Write;

/// <summary>
/// The write stage: writes the whole site to a fresh folder beside the output, then swaps it in.
/// A build that fails before this point leaves the previous output byte for byte as it was.
/// </summary>
public static class SiteWriter
{
    /// <summary>The file every site carries, so that a later build knows the folder is BriefGen's to replace.</summary>
    public const string MarkerFile = ".briefgen-output";

    private const string MarkerText = "This folder was written by BriefGen. The next build replaces it whole: keep nothing else here.\n";

    /// <summary>How long a build waits for another build writing into the same folder.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Checks that the output folder is safe to replace (SPEC §4): never the root or a folder above it, never
    /// inside one of <paramref name="protectedFolders"/> (content/, seeds/, templates/, a source's folder), and,
    /// if it exists, empty or marked as an earlier BriefGen site. Symbolic links are resolved first.
    /// </summary>
    public static bool CheckTarget(string outDir, string root, IEnumerable<string> protectedFolders, DiagnosticBag diagnostics)
    {
        var output = RealPath(outDir);
        var rootFull = RealPath(root);
        var shown = DiagnosticText.Quote(outDir, DiagnosticText.MaxPath);
        if (output == rootFull || IsInside(rootFull, output) || Path.GetPathRoot(output) == output)
        {
            diagnostics.Error(Location.File(outDir), DiagnosticCodes.OutsideOutput,
                $"the output folder '{shown}' holds the brief itself; choose a folder of its own such as _site");
            return false;
        }

        foreach (var folder in protectedFolders.Select(RealPath).Where(f => f != rootFull).Distinct().Order(StringComparer.Ordinal))
        {
            if (output == folder || IsInside(output, folder) || IsInside(folder, output))
            {
                diagnostics.Error(Location.File(outDir), DiagnosticCodes.UnsafeOutput,
                    $"the output folder '{shown}' is or holds the brief's own files ({Path.GetFileName(folder)}/); " +
                    "the build would replace them, so choose a folder of its own such as _site");
                return false;
            }
        }

        if (File.Exists(output))
        {
            diagnostics.Error(Location.File(outDir), DiagnosticCodes.UnsafeOutput, $"the output '{shown}' is a file, not a folder; nothing was written");
            return false;
        }

        if (Directory.Exists(output) && !IsReplaceable(output))
        {
            diagnostics.Error(Location.File(outDir), DiagnosticCodes.UnsafeOutput,
                $"the output folder '{shown}' holds files BriefGen did not write (it has no {MarkerFile} marker); " +
                "BriefGen replaces only an empty folder or its own earlier output, so nothing was deleted: choose another folder or empty it");
            return false;
        }

        return true;
    }

    /// <summary>Empty, or an earlier BriefGen site (the marker is a regular file, not a link).</summary>
    private static bool IsReplaceable(string folder)
    {
        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            return true;
        }

        var marker = new FileInfo(Path.Combine(folder, MarkerFile));
        return marker.Exists && marker.LinkTarget is null;
    }

    /// <summary>True when <paramref name="path"/> lies strictly below <paramref name="folder"/>.</summary>
    private static bool IsInside(string path, string folder) =>
        path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The full path with every symbolic link along it resolved, as far as the path exists.</summary>
    internal static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var rootOfPath = Path.GetPathRoot(full) ?? "/";
        var current = rootOfPath;
        var parts = full[rootOfPath.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = new DirectoryInfo(next);
            if (!info.Exists)
            {
                info = new FileInfo(next);
            }

            if (info.Exists && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                next = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target.FullName));
            }
            else if (!info.Exists)
            {
                return Path.Combine([next, .. parts[(i + 1)..]]);
            }

            current = next;
        }

        return Path.TrimEndingDirectorySeparator(current);
    }

    /// <summary>Every file's path must stay inside the output folder.</summary>
    public static bool CheckPaths(IEnumerable<OutputFile> files, DiagnosticBag diagnostics)
    {
        var ok = true;
        foreach (var file in files)
        {
            ok &= CheckPath(file, diagnostics);
        }

        return ok;
    }

    /// <summary>The file's path stays inside the output folder; false (with a diagnostic) when it would not.</summary>
    public static bool CheckPath(OutputFile file, DiagnosticBag diagnostics)
    {
        var parts = file.Path.Split('/');
        if (file.Path.Length == 0 || file.Path.StartsWith('/') || file.Path.Contains('\\', StringComparison.Ordinal) ||
            parts.Any(p => p is "" or "." or ".."))
        {
            diagnostics.Error(Location.File(file.Path), DiagnosticCodes.OutsideOutput,
                $"output path '{file.Path}' would be written outside the output folder");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Writes the site into <paramref name="outDir"/>, waiting up to <see cref="LockWait"/> while another build
    /// writes there. False (with a diagnostic) when the folder stayed in use; nothing was changed then.
    /// </summary>
    public static bool Write(string outDir, IReadOnlyList<OutputFile> files, DiagnosticBag diagnostics)
    {
        using var staged = Stage(outDir, diagnostics);
        if (staged is null)
        {
            return false;
        }

        Concurrently.ForEach(files, staged.Add);
        staged.Commit();
        return true;
    }

    /// <summary>
    /// A fresh folder beside <paramref name="outDir"/> to write the new site into, file by file, while this build holds
    /// the output's lock (waiting up to <see cref="LockWait"/> for another build). Null (with a diagnostic) when the folder
    /// stayed in use or holds files BriefGen did not write; nothing was changed then.
    /// </summary>
    public static StagedSite? Stage(string outDir, DiagnosticBag diagnostics)
    {
        var held = OutputLock.Acquire(outDir, LockWait);
        if (held is null)
        {
            diagnostics.Error(Location.File(outDir), DiagnosticCodes.OutputInUse,
                $"output folder in use: another build has been writing into '{DiagnosticText.Quote(outDir, DiagnosticText.MaxPath)}' for {LockWait.TotalSeconds:F0} s; nothing was written");
            return null;
        }

        try
        {
            // Checked again under the lock: the other build may have changed the folder meanwhile.
            if (Directory.Exists(outDir) && !IsReplaceable(Path.GetFullPath(outDir)))
            {
                diagnostics.Error(Location.File(outDir), DiagnosticCodes.UnsafeOutput,
                    $"the output folder '{DiagnosticText.Quote(outDir, DiagnosticText.MaxPath)}' holds files BriefGen did not write; nothing was deleted");
                held.Dispose();
                return null;
            }

            return new StagedSite(outDir, held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The new site while it is written: files go into a staging folder beside the output as they come (from any
    /// thread); <see cref="Commit"/> swaps it in whole. Disposed without a commit — the build failed or threw — the
    /// staging folder is deleted and the output stays byte for byte as it was.
    /// </summary>
    public sealed class StagedSite : IDisposable
    {
        private readonly OutputLock _lock;
        private readonly string _output;
        private readonly string _staging;
        private readonly string _previous;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
        private bool _done;

        internal StagedSite(string outDir, OutputLock held)
        {
            _lock = held;
            _output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir));
            var parent = Path.GetDirectoryName(_output)!;
            var name = Path.GetFileName(_output);
            Directory.CreateDirectory(parent);
            _staging = Path.Combine(parent, $".{name}.briefgen-new");
            _previous = Path.Combine(parent, $".{name}.briefgen-old");
            DeleteIfExists(_staging);
            DeleteIfExists(_previous);
            Directory.CreateDirectory(_staging);
            _folders[_staging] = true;
        }

        /// <summary>Writes one file of the site; its path must have passed <see cref="CheckPaths"/>. Thread-safe.</summary>
        public void Add(OutputFile file)
        {
            var target = Path.Combine(_staging, file.Path.Replace('/', Path.DirectorySeparatorChar));
            // A folder is in the set only once made, so no file is written before its folder exists.
            _folders.GetOrAdd(Path.GetDirectoryName(target)!, folder =>
            {
                Directory.CreateDirectory(folder);
                return true;
            });
            File.WriteAllBytes(target, file.Bytes);
        }

        /// <summary>Marks the new site as BriefGen's and swaps it in for the output folder.</summary>
        public void Commit()
        {
            File.WriteAllText(Path.Combine(_staging, MarkerFile), MarkerText);
            try
            {
                if (Directory.Exists(_output))
                {
                    Directory.Move(_output, _previous);
                }

                Directory.Move(_staging, _output);
            }
            catch
            {
                if (!Directory.Exists(_output) && Directory.Exists(_previous))
                {
                    Directory.Move(_previous, _output);
                }

                throw;
            }

            _done = true;
            DeleteIfExists(_previous);
        }

        public void Dispose()
        {
            try
            {
                if (!_done)
                {
                    DeleteIfExists(_staging);
                }
            }
            finally
            {
                _lock.Dispose();
            }
        }
    }

    private static void DeleteIfExists(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
