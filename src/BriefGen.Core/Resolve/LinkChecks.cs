using BriefGen.Diagnostics;
using BriefGen.Markdown.QuoteBoxes;
using BriefGen.Markdown.WikiLinks;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BriefGen.Resolve;

/// <summary>
/// Checks the links content makes, at their Markdown line and column: every cross-link names something,
/// every quote box's speaker is an entity, and every Markdown link to a page of the site leads to one.
/// Links the templates make are checked on the output.
/// </summary>
public static class LinkChecks
{
    /// <summary>Checks every text; with a <paramref name="memo"/> (the preview), a text is read again only when it, its page or the brief's ids and pages changed.</summary>
    public static void Run(ResolvedBrief brief, DiagnosticBag diagnostics, TextMemo<TextFindings>? memo = null)
    {
        var pages = SitePathsOf(brief);
        memo?.Begin(Context(brief, pages));
        foreach (var (text, home) in TextsWithHome(brief))
        {
            TextMemo<TextFindings>.Read(memo, text, home ?? "\0", () => TextFindings.Of(found => Check(text, home, brief, pages, found))).ReportTo(diagnostics);
        }

        memo?.End();
    }

    private static void Check(ParsedText text, string? home, ResolvedBrief brief, HashSet<string> pages, DiagnosticBag diagnostics)
    {
        var ids = brief.Ids;
        foreach (var node in Markdown.MarkdownNodes.Of(text.Document))
        {
            switch (node)
            {
                case WikiLinkInline link when !ids.TryGet(link.Id, out _) && !brief.Content.Unloaded.Contains(link.Id):
                    var near = Suggestions.Near(link.Id, ids.Ids);
                    diagnostics.Error(text.Origin.At(link), DiagnosticCodes.UnknownLink,
                        $"[[{link.Id}]] names no page, entity, source, timeline event or figure" +
                        (near.Count > 0 ? $" (did you mean {string.Join(", ", near.Select(n => $"[[{n}]]"))}?)" : ""));
                    break;
                case QuoteBlock block when QuoteBox.Of(block)?.Speaker is { } speaker && ids.TryGet(speaker.Id, out var target) &&
                                           target.Kind != TargetKind.Entity:
                    diagnostics.Error(text.Origin.At(speaker), DiagnosticCodes.BadAttribution,
                        $"the speaker of a quote box must be an entity in entities.yml; '{speaker.Id}' is a {target.Kind.ToString().ToLowerInvariant()}");
                    break;
                case LinkInline { IsImage: false, Url: { } url } link when PagePath(url, home, brief.BaseUrl) is { } path && !pages.Contains(path):
                    diagnostics.Error(text.Origin.At(link), DiagnosticCodes.BrokenContentLink,
                        $"link to '{url}' leads to no page of this site (no page, entity, source or generated page at /{path})");
                    break;
            }
        }
    }

    /// <summary>What a text's check reads besides the text and its page: every id with its kind, the unloaded ids, every site path and base_url.</summary>
    private static string Context(ResolvedBrief brief, HashSet<string> pages)
    {
        var context = new System.Text.StringBuilder(brief.BaseUrl).Append('\n');
        foreach (var id in brief.Ids.Ids)
        {
            brief.Ids.TryGet(id, out var target);
            context.Append(id).Append('\t').Append((int)target!.Kind).Append('\n');
        }

        context.Append('\0');
        foreach (var id in brief.Content.Unloaded)
        {
            context.Append(id).Append('\n');
        }

        context.Append('\0');
        foreach (var path in pages)
        {
            context.Append(path).Append('\n');
        }

        return context.ToString();
    }

    /// <summary>Every text with the site path it is written for: relative links in it start there.</summary>
    private static IEnumerable<(ParsedText Text, string? Home)> TextsWithHome(ResolvedBrief brief) =>
        brief.Parsed.Listed.Select(t => (t.Text, t.Kind switch
        {
            TextKind.BriefSummary => SitePaths.Home,
            TextKind.Page or TextKind.PageSummary => SitePaths.Page(t.Id),
            TextKind.EntityDescription => SitePaths.Entity(t.Id),
            TextKind.Event => SitePaths.Timeline,
            _ => (string?)null,
        }));

    /// <summary>The site path of every page the build makes.</summary>
    private static HashSet<string> SitePathsOf(ResolvedBrief brief)
    {
        var set = new HashSet<string>(StringComparer.Ordinal)
        {
            SitePaths.Home, SitePaths.Entities, SitePaths.Timeline, SitePaths.Quotes, SitePaths.Figures, SitePaths.Sources,
            SitePaths.Search, SitePaths.Print, "404.html",
        };
        set.UnionWith(brief.ReadingOrder.Select(p => SitePaths.Page(p.Id)));
        set.UnionWith(brief.Content.Entities.Select(e => SitePaths.Entity(e.Id)));
        set.UnionWith(brief.Content.Sources.Select(s => SitePaths.Source(s.Id)));
        if (brief.Tags.All.Count > 0)
        {
            set.Add(SitePaths.Tags);
            set.UnionWith(brief.Tags.All.Select(t => t.SitePath));
        }
        return set;
    }

    /// <summary>
    /// The site path a Markdown link leads to when it names a page of the site (a path ending in '/' or .html);
    /// null for external links, fragments, files and links this check cannot place.
    /// </summary>
    internal static string? PagePath(string url, string? home, string baseUrl)
    {
        if (url.Length == 0 || url[0] == '#' || url.StartsWith("//", StringComparison.Ordinal) || HasScheme(url))
        {
            return null;
        }

        var end = url.IndexOfAny(['#', '?']);
        var path = end >= 0 ? url[..end] : url;
        if (!(path.EndsWith('/') || path.EndsWith(".html", StringComparison.Ordinal)))
        {
            return null;
        }

        path = Uri.UnescapeDataString(path);
        string full;
        if (path.StartsWith('/'))
        {
            // Root-relative links in content follow base_url; one already written with it is read the same.
            full = baseUrl.Length > 1 && path.StartsWith(baseUrl, StringComparison.Ordinal) ? path[baseUrl.Length..] : path[1..];
        }
        else if (home is null)
        {
            return null;
        }
        else
        {
            var segments = new List<string>(home.Split('/', StringSplitOptions.RemoveEmptyEntries));
            foreach (var part in path.Split('/'))
            {
                if (part == "..")
                {
                    if (segments.Count == 0)
                    {
                        return null;
                    }

                    segments.RemoveAt(segments.Count - 1);
                }
                else if (part is not ("." or ""))
                {
                    segments.Add(part);
                }
            }

            full = string.Join('/', segments) + (segments.Count > 0 && path.EndsWith('/') ? "/" : "");
        }

        return full == "index.html" ? SitePaths.Home : full.EndsWith("/index.html", StringComparison.Ordinal) ? full[..^"index.html".Length] : full;
    }

    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && char.IsAsciiLetter(url[0]) && url.AsSpan(0, colon).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-") < 0;
    }
}
