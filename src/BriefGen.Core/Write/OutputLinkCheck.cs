using System.Text;
using System.Text.RegularExpressions;
using BriefGen.Diagnostics;
using BriefGen.Render;

namespace BriefGen.Write;

/// <summary>
/// After rendering: every href and src in every generated page that points inside the site, fragment
/// included, must resolve to a generated file and an element id in it. Runs on every build, on the files
/// in memory, with one pass over each page.
/// </summary>
public static partial class OutputLinkCheck
{
    public static int Run(IReadOnlyList<OutputFile> files, string baseUrl, DiagnosticBag diagnostics)
    {
        var pages = files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal))
            .ToDictionary(f => f.Path, f => Encoding.UTF8.GetString(f.Bytes), StringComparer.Ordinal);
        var all = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var scans = pages.AsParallel().ToDictionary(p => p.Key, p => IdsOf(p.Value), StringComparer.Ordinal);
        var ids = scans.ToDictionary(s => s.Key, s => s.Value.Ids, StringComparer.Ordinal);

        var broken = 0;
        foreach (var (path, html) in pages.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            // A heading whose id matches one the theme uses ("Main", "Note 1") would make the page invalid
            // and its links ambiguous.
            foreach (var (id, (count, secondAt)) in scans[path].Duplicates.OrderBy(d => d.Value.SecondAt))
            {
                broken++;
                diagnostics.Error(new Location("_site/" + path, LineOf(html, secondAt), 1), DiagnosticCodes.BrokenOutputLink,
                    $"id '{id}' is used {count} times on this page; rename the heading that produces it");
            }

            foreach (Match m in LinkAttribute().Matches(html))
            {
                var href = System.Net.WebUtility.HtmlDecode(m.Groups["url"].Value);
                if (Resolve(path, href, baseUrl) is not { } target)
                {
                    continue; // External, or not a link into the site.
                }

                var (file, fragment) = target;
                var problem = file is null ? "it points outside the site's base URL " + baseUrl
                    : !all.Contains(file) ? $"no generated file {file}"
                    : fragment is not null && !(ids.TryGetValue(file, out var known) && known.Contains(fragment)) ? $"no element with id '{fragment}' in {file}"
                    : null;
                if (problem is not null)
                {
                    broken++;
                    diagnostics.Error(new Location("_site/" + path, LineOf(html, m.Index), 1), DiagnosticCodes.BrokenOutputLink,
                        $"link to '{href}' does not resolve: {problem}");
                }
            }
        }

        return broken;
    }

    /// <summary>The generated file and fragment a link leads to; null for links that leave the site.</summary>
    internal static (string? File, string? Fragment)? Resolve(string fromPath, string href, string baseUrl)
    {
        if (href.Length == 0 || href.StartsWith("//", StringComparison.Ordinal) || SchemePrefix().IsMatch(href))
        {
            return null;
        }

        var hash = href.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash >= 0 ? Uri.UnescapeDataString(href[(hash + 1)..]) : null;
        var pathPart = hash >= 0 ? href[..hash] : href;
        var query = pathPart.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            pathPart = pathPart[..query];
        }

        if (fragment is { Length: 0 } || (fragment?.StartsWith(":~:", StringComparison.Ordinal) ?? false))
        {
            fragment = null;
        }

        string sitePath;
        if (pathPart.Length == 0)
        {
            sitePath = fromPath;
        }
        else if (pathPart.StartsWith('/'))
        {
            if (!pathPart.StartsWith(baseUrl, StringComparison.Ordinal))
            {
                return (null, fragment);
            }

            sitePath = Uri.UnescapeDataString(pathPart[baseUrl.Length..]);
        }
        else
        {
            var dir = fromPath.Contains('/', StringComparison.Ordinal) ? fromPath[..(fromPath.LastIndexOf('/') + 1)] : "";
            var segments = new List<string>(dir.Split('/', StringSplitOptions.RemoveEmptyEntries));
            foreach (var part in Uri.UnescapeDataString(pathPart).Split('/'))
            {
                if (part == "..")
                {
                    if (segments.Count == 0)
                    {
                        return (null, fragment);
                    }

                    segments.RemoveAt(segments.Count - 1);
                }
                else if (part is not ("." or ""))
                {
                    segments.Add(part);
                }
            }

            sitePath = string.Join('/', segments) + (pathPart.EndsWith('/') && segments.Count > 0 ? "/" : "");
        }

        return (Resolve_(sitePath), fragment);

        static string Resolve_(string p) => p.Length == 0 || p.EndsWith('/') ? p + "index.html" : p;
    }

    /// <summary>One pass over a page's ids: the set links resolve against, and any id that stands twice.</summary>
    private static (HashSet<string> Ids, Dictionary<string, (int Count, int SecondAt)> Duplicates) IdsOf(string html)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new Dictionary<string, (int Count, int SecondAt)>(StringComparer.Ordinal);
        foreach (Match m in IdAttribute().Matches(html))
        {
            var id = System.Net.WebUtility.HtmlDecode(m.Groups["id"].Value);
            if (!set.Add(id))
            {
                duplicates[id] = duplicates.TryGetValue(id, out var d) ? (d.Count + 1, d.SecondAt) : (2, m.Index);
            }
        }

        return (set, duplicates);
    }

    private static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    [GeneratedRegex("\\s(?:href|src)=\"(?<url>[^\"]*)\"")]
    private static partial Regex LinkAttribute();

    [GeneratedRegex("\\sid=\"(?<id>[^\"]*)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex SchemePrefix();
}
