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
        : this(Sources(content, parsed, readingOrder, null))
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
        var sources = Sources(content, parsed, readingOrder, cache?.LastMentionSources);
        if (cache is null)
        {
            return new Mentions(sources);
        }

        return cache.Mentions(sources, () => new Mentions(sources));
    }

    /// <summary>Every text that can link, in reading order: pages (summary, brief summary on the home page, body), events, entities, figure cites.</summary>
    /// <remarks>
    /// <paramref name="last"/> is the list the last rebuild made (the preview): a text at the same place, of the same
    /// document under the same id and title, is the same source again, without a look into its document.
    /// </remarks>
    private static List<MentionSource> Sources(BriefContent content, ParsedBrief parsed, IReadOnlyList<Page> readingOrder, IReadOnlyList<MentionSource>? last)
    {
        var sources = new List<MentionSource>(last?.Count ?? 0);
        void Walk(ParsedText text, string fromId, TargetKind kind, string title, Func<string, string> sitePath)
        {
            var at = sources.Count;
            sources.Add(last is not null && at < last.Count && last[at] is var was && ReferenceEquals(was.Text, text) &&
                        ReferenceEquals(was.FromId, fromId) && was.Kind == kind && ReferenceEquals(was.Title, title)
                ? was
                : new MentionSource(Markdown.MarkdownNodes.LinksOf(text.Document), fromId, kind, title, sitePath(fromId)) { Text = text });
        }

        foreach (var page in readingOrder)
        {
            if (parsed.PageSummaries.TryGetValue(page.Id, out var summary))
            {
                Walk(summary, page.Id, TargetKind.Page, page.Title, SitePaths.Page);
            }

            if (page.IsHome && parsed.BriefSummary is { } brief)
            {
                Walk(brief, page.Id, TargetKind.Page, page.Title, SitePaths.Page);
            }

            Walk(parsed.Pages[page.Id], page.Id, TargetKind.Page, page.Title, SitePaths.Page);
        }

        foreach (var ev in content.Events)
        {
            if (parsed.EventTexts.TryGetValue(ev.Id, out var text))
            {
                Walk(text, ev.Id, TargetKind.Event, ev.Title, id => SitePaths.Timeline + "#" + id);
            }
        }

        foreach (var entity in content.Entities)
        {
            if (parsed.EntityDescriptions.TryGetValue(entity.Id, out var text))
            {
                Walk(text, entity.Id, TargetKind.Entity, entity.Name, SitePaths.Entity);
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
    /// <summary>The text whose links these are; null for a figure's cite.</summary>
    public ParsedText? Text { get; init; }

    /// <summary>Whether the two make the same mentions: the same place, and links to the same ids from the same sections.</summary>
    public bool Same(MentionSource other) =>
        ReferenceEquals(this, other) ||
        FromId == other.FromId && Kind == other.Kind && Title == other.Title && SitePath == other.SitePath &&
        (ReferenceEquals(Links, other.Links) ||
         (Links.CitedKeys.SequenceEqual(other.Links.CitedKeys, StringComparer.Ordinal) &&
          Links.CrossLinks.Select(l => (l.Link.Id, l.Section, l.SectionTitle)).SequenceEqual(other.Links.CrossLinks.Select(l => (l.Link.Id, l.Section, l.SectionTitle)))));
}
