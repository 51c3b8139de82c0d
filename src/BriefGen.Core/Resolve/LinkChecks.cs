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
    /// <summary>Checks every text; with a <paramref name="cache"/> (the preview), a text is read again only when it, its page or the brief's ids and pages changed.</summary>
    public static void Run(ResolvedBrief brief, DiagnosticBag diagnostics, LinkCheckCache? cache = null)
    {
        // The site's paths are listed only when a text is read: after a one-page edit, for that page's texts alone.
        var site = cache?.Site(brief) ?? SiteOfLinks.Of(brief);
        var pages = site.Paths;
        var all = brief.Parsed.Listed;
        var memo = cache?.Texts;
        memo?.Begin(all.Count, site.Context);
        for (var slot = 0; slot < all.Count; slot++)
        {
            // What the check reads of the text's place is its home page, a function of its kind and id; the kind
            // follows from the text's origin (each kind has a file or field of its own), so the id names the home.
            var listed = all[slot];
            TextMemo<TextFindings>.Read(memo, slot, listed.Text, listed.Id, (listed, brief, pages),
                    static s => TextFindings.Of(found => Check(s.listed.Text, Home(s.listed), s.brief, s.pages.Value, found)))
                .ReportTo(diagnostics);
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

    /// <summary>
    /// A digest of what the checks read besides the text: the base URL, every id and its kind, the unloaded ids, and
    /// what the site's paths are made of (the pages in reading order, the entities, the sources, the tags). Hashed as
    /// it is read, not written out: at 5,000 pages the text would be a quarter of a megabyte on every rebuild.
    /// </summary>
    internal static string Context(ResolvedBrief brief)
    {
        using var digest = new ContextDigest();
        digest.Add(brief.BaseUrl);
        foreach (var (id, target) in brief.Ids.All)
        {
            digest.Add(id);
            digest.Add((int)target.Kind);
        }

        digest.Mark('u');
        foreach (var id in brief.Content.Unloaded)
        {
            digest.Add(id);
        }

        digest.Mark('p');
        foreach (var page in brief.ReadingOrder)
        {
            digest.Add(page.Id);
        }

        digest.Mark('e');
        foreach (var entity in brief.Content.Entities)
        {
            digest.Add(entity.Id);
        }

        digest.Mark('s');
        foreach (var source in brief.Content.Sources)
        {
            digest.Add(source.Id);
        }

        digest.Mark('t');
        foreach (var tag in brief.Tags.All)
        {
            digest.Add(tag.SitePath);
        }

        return digest.Finish();
    }

    /// <summary>The page a text shows on, which its relative links start from; null for a figure's cite.</summary>
    private static string? Home(ListedText t) => t.Kind switch
    {
        TextKind.BriefSummary => SitePaths.Home,
        TextKind.Page or TextKind.PageSummary => SitePaths.Page(t.Id),
        TextKind.EntityDescription => SitePaths.Entity(t.Id),
        TextKind.Event => SitePaths.Timeline,
        _ => null,
    };

    /// <summary>The site path of every page the build makes.</summary>
    internal static HashSet<string> SitePathsOf(ResolvedBrief brief)
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

/// <summary>What the link checks read of the site besides the texts: the digest of its ids and pages, and its pages' paths (listed when first asked for).</summary>
internal sealed record SiteOfLinks(string Context, Lazy<HashSet<string>> Paths)
{
    public static SiteOfLinks Of(ResolvedBrief brief) => new(LinkChecks.Context(brief), PathsOf(brief));

    /// <summary>The brief's paths, listed when first asked for.</summary>
    public static Lazy<HashSet<string>> PathsOf(ResolvedBrief brief) => new(() => LinkChecks.SitePathsOf(brief));
}

/// <summary>
/// What the preview keeps of the link checks between rebuilds: each text's findings, and what the checks read of the
/// site. The site's digest and its paths are kept while the base URL, the id index, the unloaded ids, the pages in
/// reading order, the entities, the sources and the tags are the same; a page edit that keeps them all (most do) does
/// not hash every id or list every path again, which at 5,000 pages was most of the checks' time.
/// </summary>
public sealed class LinkCheckCache
{
    private ResolvedBrief? _brief;
    private SiteOfLinks? _site;

    /// <summary>Each text's cross-link, speaker and page-link checks.</summary>
    public TextMemo<TextFindings> Texts { get; } = new();

    internal SiteOfLinks Site(ResolvedBrief brief)
    {
        if (_brief is not { } last || _site is not { } site || !SameSite(last, brief))
        {
            site = SiteOfLinks.Of(brief);
        }
        else if (!site.Paths.IsValueCreated)
        {
            site = site with { Paths = SiteOfLinks.PathsOf(brief) }; // Not the last brief's: it is let go.
        }

        _brief = brief;
        _site = site;
        return site;
    }

    /// <summary>
    /// Whether two resolved briefs give the same digest and paths: what <see cref="LinkChecks.Context"/> and
    /// <see cref="LinkChecks.SitePathsOf"/> read, compared by object first (the resolve stage hands back the same id
    /// index and tag index, and the load stage the same lists, while they are unchanged), else id by id.
    /// </summary>
    private static bool SameSite(ResolvedBrief a, ResolvedBrief b) =>
        a.BaseUrl == b.BaseUrl && ReferenceEquals(a.Ids, b.Ids) &&
        (a.Content.Unloaded.Count == 0 && b.Content.Unloaded.Count == 0 || a.Content.Unloaded.SetEquals(b.Content.Unloaded)) &&
        ListKeys.Same(a.ReadingOrder, b.ReadingOrder, static p => p.Id) &&
        ListKeys.Same(a.Content.Entities, b.Content.Entities, static e => e.Id) &&
        ListKeys.Same(a.Content.Sources, b.Content.Sources, static s => s.Id) &&
        ListKeys.Same(a.Tags.All, b.Tags.All, static t => t.SitePath);
}
