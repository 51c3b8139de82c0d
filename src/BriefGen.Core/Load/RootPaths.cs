using BriefGen.Diagnostics;

namespace BriefGen.Load;

/// <summary>
/// The brief's root folder. Every file BriefGen reads is resolved through here, so that nothing is
/// read from outside the root: not through "..", an absolute path, or a symbolic link.
/// </summary>
public sealed class RootPaths
{
    public RootPaths(string root)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    }

    public string Root { get; }

    public string ContentDir => Path.Combine(Root, "content");

    /// <summary>The root-relative path with '/' separators, as diagnostics show it.</summary>
    public string Relative(string fullPath) =>
        Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>True when <paramref name="fullPath"/> lies inside the root and no part of it below the root is a link.</summary>
    public bool IsInside(string fullPath)
    {
        var full = Path.GetFullPath(fullPath);
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return false;
        }

        // Walk each component below the root: a symbolic link anywhere could lead outside.
        var current = Root;
        foreach (var part in Path.GetRelativePath(Root, full).Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.Exists && info.LinkTarget is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Resolves a path written in a content file, relative to that file's folder. Reports an error and
    /// returns null when it would leave the root or does not exist.
    /// </summary>
    public string? ResolveFrom(string containingFile, string written, Location at, DiagnosticBag diagnostics)
    {
        if (Path.IsPathRooted(written) || written.Contains('\\', StringComparison.Ordinal))
        {
            diagnostics.Error(at, DiagnosticCodes.OutsideRoot,
                $"'{written}' must be a relative path with '/' separators inside the brief's folder");
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(containingFile)!, written));
        if (!IsInside(full))
        {
            diagnostics.Error(at, DiagnosticCodes.OutsideRoot,
                $"'{written}' resolves outside the brief's folder (through '..' or a symbolic link); nothing is read from there");
            return null;
        }

        if (!File.Exists(full))
        {
            diagnostics.Error(at, DiagnosticCodes.MissingFile, $"file '{written}' not found (looked for {Relative(full)})");
            return null;
        }

        return full;
    }
}
