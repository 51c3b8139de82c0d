using BriefGen.Markdown.Citations;
using BriefGen.Markdown.WikiLinks;
using BriefGen.Model;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BriefGen.Resolve;

/// <summary>One place that links to an id: what it is, and the URL of the section where the link stands.</summary>
public sealed record Mention(string TargetId, string FromId, TargetKind FromKind, string FromTitle, string FromSitePath, string? Section, string? SectionTitle);

/// <summary>
/// "What links here", computed once from the parsed brief before anything renders: every cross-link,
/// with the page, event or entity it stands in and the heading of its section.
/// </summary>
public sealed class Mentions
{
    private readonly Dictionary<string, List<Mention>> _to = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _from = new(StringComparer.Ordinal);
    private readonly HashSet<(string Target, string From, string? Section)> _seen = [];
    private readonly HashSet<(string From, string Target)> _linked = [];
    private readonly HashSet<string> _citedSources = new(StringComparer.Ordinal);

    public Mentions(BriefContent content, ParsedBrief parsed, IReadOnlyList<Page> readingOrder)
        : this(Sources(content, parsed, readingOrder))
    {
    }

    private Mentions(IReadOnlyList<MentionSource> sources)
    {
        foreach (var source in sources)
        {
            foreach (var (link, section, sectionTitle) in source.Links.CrossLinks)
            {
                Add(new Mention(link.Id, source.FromId, source.Kind, source.Title, source.SitePath, section, sectionTitle));
            }

            _citedSources.UnionWith(source.Links.CitedKeys);
        }
    }

    /// <summary>
    /// The mentions of the brief; with a <paramref name="cache"/> (the preview), the last ones again when every text
    /// links to the same places from the same sections under the same titles.
    /// </summary>
    public static Mentions Of(BriefContent content, ParsedBrief parsed, IReadOnlyList<Page> readingOrder, ResolveCache? cache)
    {
        var sources = Sources(content, parsed, readingOrder);
        if (cache is null)
        {
            return new Mentions(sources);
        }

        return cache.Mentions(sources, () => new Mentions(sources));
    }

    /// <summary>Every text that can link, in reading order: pages (summary, brief summary on the home page, body), events, entities, figure cites.</summary>
    private static List<MentionSource> Sources(BriefContent content, ParsedBrief parsed, IReadOnlyList<Page> readingOrder)
    {
        var sources = new List<MentionSource>();
        void Walk(MarkdownDocument document, string fromId, TargetKind kind, string title, string sitePath) =>
            sources.Add(new MentionSource(Markdown.MarkdownNodes.LinksOf(document), fromId, kind, title, sitePath));

        foreach (var page in readingOrder)
        {
            if (parsed.PageSummaries.TryGetValue(page.Id, out var summary))
            {
                Walk(summary.Document, page.Id, TargetKind.Page, page.Title, SitePaths.Page(page.Id));
            }

            if (page.IsHome && parsed.BriefSummary is { } brief)
            {
                Walk(brief.Document, page.Id, TargetKind.Page, page.Title, SitePaths.Page(page.Id));
            }

            Walk(parsed.Pages[page.Id].Document, page.Id, TargetKind.Page, page.Title, SitePaths.Page(page.Id));
        }

        foreach (var ev in content.Events)
        {
            if (parsed.EventTexts.TryGetValue(ev.Id, out var text))
            {
                Walk(text.Document, ev.Id, TargetKind.Event, ev.Title, SitePaths.Timeline + "#" + ev.Id);
            }
        }

        foreach (var entity in content.Entities)
        {
            if (parsed.EntityDescriptions.TryGetValue(entity.Id, out var text))
            {
                Walk(text.Document, entity.Id, TargetKind.Entity, entity.Name, SitePaths.Entity(entity.Id));
            }
        }

        // A figure's cite counts as citing its sources, but links nowhere.
        foreach (var cite in parsed.FigureCites.Values)
        {
            var keys = Markdown.MarkdownNodes.Of(cite.Document).OfType<CitationInline>().SelectMany(c => c.Items.Select(i => i.Key)).ToList();
            sources.Add(new MentionSource(new Markdown.DocumentLinks([], keys), "", TargetKind.Figure, "", ""));
        }

        return sources;
    }

    /// <summary>Every place that links to <paramref name="id"/>, in reading order, one per section.</summary>
    public IReadOnlyList<Mention> To(string id) => _to.TryGetValue(id, out var list) ? list : [];

    /// <summary>The ids <paramref name="fromId"/> links to, in order of first link.</summary>
    public IReadOnlyList<string> From(string fromId) => _from.TryGetValue(fromId, out var list) ? list : [];

    public bool IsLinked(string id) => _to.ContainsKey(id);

    public bool IsCited(string sourceId) => _citedSources.Contains(sourceId);

    private void Add(Mention mention)
    {
        if (!_to.TryGetValue(mention.TargetId, out var list))
        {
            _to[mention.TargetId] = list = [];
        }

        if (_seen.Add((mention.TargetId, mention.FromSitePath, mention.Section)))
        {
            list.Add(mention);
        }

        if (!_from.TryGetValue(mention.FromId, out var targets))
        {
            _from[mention.FromId] = targets = [];
        }

        if (_linked.Add((mention.FromId, mention.TargetId)))
        {
            targets.Add(mention.TargetId);
        }
    }
}

/// <summary>One text that can link: what it links to, and the page, event or entity it stands in.</summary>
public sealed record MentionSource(Markdown.DocumentLinks Links, string FromId, TargetKind Kind, string Title, string SitePath)
{
    /// <summary>Whether the two make the same mentions: the same place, and links to the same ids from the same sections.</summary>
    public bool Same(MentionSource other) =>
        FromId == other.FromId && Kind == other.Kind && Title == other.Title && SitePath == other.SitePath &&
        (ReferenceEquals(Links, other.Links) ||
         (Links.CitedKeys.SequenceEqual(other.Links.CitedKeys, StringComparer.Ordinal) &&
          Links.CrossLinks.Select(l => (l.Link.Id, l.Section, l.SectionTitle)).SequenceEqual(other.Links.CrossLinks.Select(l => (l.Link.Id, l.Section, l.SectionTitle)))));
}
