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
        if (written.Any(char.IsControl))
        {
            diagnostics.Error(at, DiagnosticCodes.OutsideRoot, $"the path '{written}' holds a control character; write a plain relative path");
            return null;
        }

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

        return CheckFile(full, at, InputLimits.SourceTextBytes, diagnostics) ? full : null;
    }

    /// <summary>
    /// Reads a text file of the brief: inside the root, a regular file (never a FIFO or device, which could
    /// block forever), no larger than <paramref name="maxBytes"/>. Null, with a diagnostic, otherwise.
    /// </summary>
    public string? ReadText(string fullPath, Location at, long maxBytes, DiagnosticBag diagnostics)
    {
        if (!IsInside(fullPath))
        {
            diagnostics.Error(at, DiagnosticCodes.OutsideRoot,
                "this file resolves outside the brief's folder (symbolic link); nothing is read from there");
            return null;
        }

        if (!CheckFile(fullPath, at, maxBytes, diagnostics))
        {
            return null;
        }

        string text;
        try
        {
            // Where the platform cannot tell a FIFO from a file, an empty length is never opened.
            text = new FileInfo(fullPath).Length == 0 ? "" : Decode(File.ReadAllBytes(fullPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(at, DiagnosticCodes.Unreadable, $"cannot read this file: {e.Message}");
            return null;
        }

        return CheckCharacters(text, at.Path, diagnostics) ? text : null;
    }

    /// <summary>
    /// A file's text as <see cref="File.ReadAllText(string)"/> reads it (UTF-8 unless a byte order mark says otherwise,
    /// invalid bytes as U+FFFD), decoded from its bytes at once rather than through a reader's buffers.
    /// </summary>
    private static string Decode(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            return System.Text.Encoding.UTF8.GetString(bytes.AsSpan(3));
        }

        if (bytes is [0xFE, 0xFF, ..] or [0xFF, 0xFE, ..] or [0x00, 0x00, 0xFE, 0xFF, ..])
        {
            using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        return System.Text.Encoding.UTF8.GetString(bytes);
    }

    /// <summary>
    /// Content becomes HTML, XML (sitemap, feed) and JSON: a character none of them may carry (a control
    /// character other than tab and line breaks, U+FFFE, U+FFFF, half a surrogate pair) is an error at its place.
    /// </summary>
    private static bool CheckCharacters(string text, string path, DiagnosticBag diagnostics)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var bad = c switch
            {
                '\n' => false,
                '\t' or '\r' => false,
                < ' ' or '\uFFFE' or '\uFFFF' => true,
                _ when char.IsHighSurrogate(c) => i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]),
                _ when char.IsLowSurrogate(c) => i == 0 || !char.IsHighSurrogate(text[i - 1]),
                _ => false,
            };
            if (bad)
            {
                diagnostics.Error(new Location(path, line, column), DiagnosticCodes.InvalidCharacter,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"the character U+{(int)c:X4} cannot appear in a web page or feed; delete it"));
                return false;
            }

            if (c == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="fullPath"/> is a regular file within the size limit; else reports why not.</summary>
    public bool CheckFile(string fullPath, Location at, long maxBytes, DiagnosticBag diagnostics)
    {
        var kind = FileKinds.Of(fullPath);
        var info = new FileInfo(fullPath);
        if (kind == FileKind.Special)
        {
            diagnostics.Error(at, DiagnosticCodes.NotRegularFile,
                "this is not a regular file (a FIFO, device or socket); BriefGen reads only regular files");
            return false;
        }

        if (kind == FileKind.HardLinked)
        {
            diagnostics.Error(at, DiagnosticCodes.NotRegularFile,
                "this file has other hard links, which may lie outside the brief's folder; copy it instead of linking it");
            return false;
        }

        if (info.Exists && info.Length > maxBytes)
        {
            diagnostics.Error(at, DiagnosticCodes.TooLarge,
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"this file is {info.Length:N0} bytes; the limit is {maxBytes:N0} bytes (docs/security.md)"));
            return false;
        }

        return true;
    }

    /// <summary>
    /// Every regular file under <paramref name="folder"/>, sorted, without following symbolic links: a link is
    /// reported once (never listed through), so a link to /etc or / reads and shows nothing from there.
    /// </summary>
    public IReadOnlyList<string> RegularFilesUnder(string folder, DiagnosticBag diagnostics)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(dir).EnumerateFileSystemInfos("*", new EnumerationOptions
                {
                    RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0, ReturnSpecialDirectories = false,
                }).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(Location.File(Relative(dir)), DiagnosticCodes.Unreadable, $"cannot list this folder: {e.Message}");
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry.LinkTarget is not null)
                {
                    diagnostics.Error(Location.File(Relative(entry.FullName)), DiagnosticCodes.OutsideRoot,
                        "symbolic link in the template folder; links are not followed, nothing is read through it");
                }
                else if (entry is DirectoryInfo)
                {
                    pending.Push(entry.FullName);
                }
                else if (FileKinds.Of(entry.FullName) == FileKind.Special)
                {
                    diagnostics.Error(Location.File(Relative(entry.FullName)), DiagnosticCodes.NotRegularFile,
                        "this is not a regular file (a FIFO, device or socket); BriefGen reads only regular files");
                }
                else
                {
                    found.Add(entry.FullName);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }
}
