using BriefGen.Diagnostics;
using BriefGen.Render;

namespace BriefGen.Write;

/// <summary>
/// The write stage: writes the whole site to a fresh folder beside the output, then swaps it in.
/// A build that fails before this point leaves the previous output byte for byte as it was.
/// </summary>
public static class SiteWriter
{
    /// <summary>Checks that the output folder is safe to replace: never the brief's root or a folder holding it.</summary>
    public static bool CheckTarget(string outDir, string root, DiagnosticBag diagnostics)
    {
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir));
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (output == rootFull || (rootFull + Path.DirectorySeparatorChar).StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal) ||
            Path.GetPathRoot(output) == output)
        {
            diagnostics.Error(Location.File(outDir), DiagnosticCodes.OutsideOutput,
                $"the output folder '{outDir}' holds the brief itself; choose a folder of its own such as _site");
            return false;
        }

        return true;
    }

    /// <summary>Every file's path must stay inside the output folder.</summary>
    public static bool CheckPaths(IEnumerable<OutputFile> files, DiagnosticBag diagnostics)
    {
        var ok = true;
        foreach (var file in files)
        {
            var parts = file.Path.Split('/');
            if (file.Path.Length == 0 || file.Path.StartsWith('/') || file.Path.Contains('\\', StringComparison.Ordinal) ||
                parts.Any(p => p is "" or "." or ".."))
            {
                diagnostics.Error(Location.File(file.Path), DiagnosticCodes.OutsideOutput,
                    $"output path '{file.Path}' would be written outside the output folder");
                ok = false;
            }
        }

        return ok;
    }

    public static void Write(string outDir, IReadOnlyList<OutputFile> files)
    {
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir));
        var parent = Path.GetDirectoryName(output)!;
        var name = Path.GetFileName(output);
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{name}.briefgen-new");
        var previous = Path.Combine(parent, $".{name}.briefgen-old");
        DeleteIfExists(staging);
        DeleteIfExists(previous);

        try
        {
            foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                var target = Path.Combine(staging, file.Path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, file.Bytes);
            }

            Directory.CreateDirectory(staging);
            if (Directory.Exists(output))
            {
                Directory.Move(output, previous);
            }

            Directory.Move(staging, output);
        }
        catch
        {
            DeleteIfExists(staging);
            if (!Directory.Exists(output) && Directory.Exists(previous))
            {
                Directory.Move(previous, output);
            }

            throw;
        }

        DeleteIfExists(previous);
    }

    private static void DeleteIfExists(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
