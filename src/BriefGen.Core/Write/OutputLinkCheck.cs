using System.Text;
using BriefGen.Diagnostics;
using BriefGen.Render;

namespace BriefGen.Write;

/// <summary>What one generated page links to and which ids it has, read once from its UTF-8 bytes.</summary>
public sealed record PageScan(
    IReadOnlySet<string> Ids,
    IReadOnlyList<(string Id, int Count, int SecondLine)> Duplicates,
    IReadOnlyList<(string Href, int Line)> Links)
{
    /// <summary>Where each link leads, resolved once for <see cref="ResolvedFor"/> (the page's path and the base URL).</summary>
    public IReadOnlyList<(string? File, string? Fragment)?>? Targets { get; init; }

    public string? ResolvedFor { get; init; }
}

/// <summary>
/// After rendering: every href and src in every generated page that points inside the site, fragment
/// included, must resolve to a generated file and an element id in it. Runs on every build, on the files
/// in memory: each page's bytes are scanned once, without decoding the page to text.
/// </summary>
public static class OutputLinkCheck
{
    public static int Run(IReadOnlyList<OutputFile> files, string baseUrl, DiagnosticBag diagnostics)
    {
        var scans = files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal))
            .AsParallel()
            .ToDictionary(f => f.Path, f => Scan(f.Bytes), StringComparer.Ordinal);
        return Run(scans, files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal), baseUrl, diagnostics);
    }

    /// <summary>A page's scan with its links resolved, for a checker that will see the same page again (the preview).</summary>
    public static PageScan Scan(ReadOnlySpan<byte> html, string path, string baseUrl)
    {
        var scan = Scan(html);
        return scan with { Targets = scan.Links.Select(l => Resolve(path, l.Href, baseUrl)).ToList(), ResolvedFor = path + "\0" + baseUrl };
    }

    /// <summary>Checks pages already scanned (the preview keeps the scans of pages that did not change). Pages are checked in parallel.</summary>
    public static int Run(IReadOnlyDictionary<string, PageScan> scans, IReadOnlySet<string> all, string baseUrl, DiagnosticBag diagnostics) =>
        Run(scans.Keys, scans, all, baseUrl, diagnostics);

    /// <summary>Checks only the links of <paramref name="pages"/>, against every page's ids.</summary>
    public static int Run(IEnumerable<string> pages, IReadOnlyDictionary<string, PageScan> scans, IReadOnlySet<string> all, string baseUrl,
        DiagnosticBag diagnostics) =>
        pages.AsParallel().Sum(page => Check(page, scans[page], scans, all, baseUrl, diagnostics));

    private static int Check(string path, PageScan scan, IReadOnlyDictionary<string, PageScan> scans, IReadOnlySet<string> all, string baseUrl,
        DiagnosticBag diagnostics)
    {
        var broken = 0;
        var targets = scan.ResolvedFor == path + "\0" + baseUrl ? scan.Targets : null;
        {
            // A heading whose id matches one the theme uses ("Main", "Note 1") would make the page invalid
            // and its links ambiguous.
            foreach (var (id, count, secondLine) in scan.Duplicates)
            {
                broken++;
                diagnostics.Error(new Location("_site/" + path, secondLine, 1), DiagnosticCodes.BrokenOutputLink,
                    $"id '{id}' is used {count} times on this page; rename the heading that produces it");
            }

            for (var i = 0; i < scan.Links.Count; i++)
            {
                var (href, line) = scan.Links[i];
                if ((targets is null ? Resolve(path, href, baseUrl) : targets[i]) is not { } target)
                {
                    continue; // External, or not a link into the site.
                }

                var (file, fragment) = target;
                var problem = file is null ? "it points outside the site's base URL " + baseUrl
                    : !all.Contains(file) ? $"no generated file {file}"
                    : fragment is not null && !(scans.TryGetValue(file, out var known) && known.Ids.Contains(fragment)) ? $"no element with id '{fragment}' in {file}"
                    : null;
                if (problem is not null)
                {
                    broken++;
                    diagnostics.Error(new Location("_site/" + path, line, 1), DiagnosticCodes.BrokenOutputLink,
                        $"link to '{href}' does not resolve: {problem}");
                }
            }
        }

        return broken;
    }

    /// <summary>One pass over a page's bytes: every <c>href="…"</c> and <c>src="…"</c> with its line, and every <c>id="…"</c>.</summary>
    public static PageScan Scan(ReadOnlySpan<byte> html)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new Dictionary<string, (int Count, int SecondLine)>(StringComparer.Ordinal);
        var links = new List<(string, int)>();
        var line = 1;
        var counted = 0;
        var at = 0;
        while (at < html.Length && html[at..].IndexOf("=\""u8) is var found and >= 0)
        {
            var eq = at + found;
            var valueStart = eq + 2;
            var valueEnd = html[valueStart..].IndexOf((byte)'"');
            if (valueEnd < 0)
            {
                break;
            }

            valueEnd += valueStart;
            var kind = NameBefore(html, eq);
            if (kind != 0)
            {
                line += html[counted..eq].Count((byte)'\n');
                counted = eq;
                var value = Decode(html[valueStart..valueEnd]);
                if (kind == 'i')
                {
                    if (!ids.Add(value))
                    {
                        duplicates[value] = duplicates.TryGetValue(value, out var d) ? (d.Count + 1, d.SecondLine) : (2, line);
                    }
                }
                else
                {
                    links.Add((value, line));
                }
            }

            at = valueEnd + 1;
        }

        return new PageScan(ids, [.. duplicates.OrderBy(d => d.Value.SecondLine).ThenBy(d => d.Key, StringComparer.Ordinal).Select(d => (d.Key, d.Value.Count, d.Value.SecondLine))], links);
    }

    /// <summary>'l' for href/src, 'i' for id, when the attribute name before <paramref name="eq"/> follows whitespace; else 0.</summary>
    private static char NameBefore(ReadOnlySpan<byte> html, int eq)
    {
        static bool SpaceAt(ReadOnlySpan<byte> h, int i) => i >= 0 && h[i] is (byte)' ' or (byte)'\n' or (byte)'\t' or (byte)'\r' or (byte)'\f';
        if (eq >= 5 && html[(eq - 4)..eq].SequenceEqual("href"u8) && SpaceAt(html, eq - 5))
        {
            return 'l';
        }

        if (eq >= 4 && html[(eq - 3)..eq].SequenceEqual("src"u8) && SpaceAt(html, eq - 4))
        {
            return 'l';
        }

        return eq >= 3 && html[(eq - 2)..eq].SequenceEqual("id"u8) && SpaceAt(html, eq - 3) ? 'i' : (char)0;
    }

    private static string Decode(ReadOnlySpan<byte> value)
    {
        var text = Encoding.UTF8.GetString(value);
        return text.Contains('&', StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(text) : text;
    }

    /// <summary>The generated file and fragment a link leads to; null for links that leave the site.</summary>
    internal static (string? File, string? Fragment)? Resolve(string fromPath, string href, string baseUrl)
    {
        if (href.Length == 0 || href.StartsWith("//", StringComparison.Ordinal) || HasScheme(href))
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

    private static bool HasScheme(string href)
    {
        var colon = href.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && char.IsAsciiLetter(href[0]) &&
               href.AsSpan(0, colon).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-") < 0;
    }
}
