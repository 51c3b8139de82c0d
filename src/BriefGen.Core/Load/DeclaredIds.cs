using System.Text.RegularExpressions;
using BriefGen.Diagnostics;

namespace BriefGen.Load;

/// <summary>
/// The ids content files declare, read line by line without parsing the YAML: what a file meant to define
/// even when it does not parse. Ids declared but not loaded are not reported again where they are named.
/// </summary>
internal static partial class DeclaredIds
{
    private static readonly string[] ListFiles = ["sources.yml", "entities.yml", "timeline.yml", "figures.yml"];

    public static HashSet<string> In(RootPaths paths)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in ListFiles)
        {
            if (Read(paths, Path.Combine(paths.ContentDir, name)) is { } text)
            {
                foreach (Match m in ListId().Matches(text))
                {
                    ids.Add(m.Groups[1].Value);
                }
            }
        }

        var pages = Path.Combine(paths.ContentDir, "pages");
        if (Directory.Exists(pages))
        {
            foreach (var file in Directory.EnumerateFiles(pages, "*.md", SearchOption.TopDirectoryOnly))
            {
                ids.Add(Path.GetFileNameWithoutExtension(file));
                if (Read(paths, file) is { } text && FrontMatter.Split(text.Replace("\r\n", "\n", StringComparison.Ordinal)) is { } front &&
                    PageId().Match(front.Yaml) is { Success: true } m)
                {
                    ids.Add(m.Groups[1].Value);
                }
            }
        }

        ids.RemoveWhere(id => !Ids.IsValid(id));
        return ids;
    }

    /// <summary>The file's text; its problems (too large, unreadable) are reported where it is loaded, not here.</summary>
    private static string? Read(RootPaths paths, string full) =>
        File.Exists(full) ? paths.ReadText(full, Location.File(paths.Relative(full)), InputLimits.ContentFileBytes, new DiagnosticBag()) : null;

    [GeneratedRegex(@"^ *(?:- +)?(?i:id): *['""]?([A-Za-z0-9-]+)['""]? *(?:#.*)?\r?$", RegexOptions.Multiline)]
    private static partial Regex ListId();

    [GeneratedRegex(@"^(?i:id): *['""]?([A-Za-z0-9-]+)['""]? *(?:#.*)?\r?$", RegexOptions.Multiline)]
    private static partial Regex PageId();
}
