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
    {
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

        foreach (var cite in parsed.FigureCites.Values)
        {
            foreach (var c in Markdown.MarkdownNodes.Of(cite.Document).OfType<CitationInline>())
            {
                _citedSources.UnionWith(c.Items.Select(i => i.Key));
            }
        }
    }

    /// <summary>Every place that links to <paramref name="id"/>, in reading order, one per section.</summary>
    public IReadOnlyList<Mention> To(string id) => _to.TryGetValue(id, out var list) ? list : [];

    /// <summary>The ids <paramref name="fromId"/> links to, in order of first link.</summary>
    public IReadOnlyList<string> From(string fromId) => _from.TryGetValue(fromId, out var list) ? list : [];

    public bool IsLinked(string id) => _to.ContainsKey(id);

    public bool IsCited(string sourceId) => _citedSources.Contains(sourceId);

    private void Walk(MarkdownDocument document, string fromId, TargetKind kind, string title, string sitePath)
    {
        var links = Markdown.MarkdownNodes.LinksOf(document);
        foreach (var (link, section, sectionTitle) in links.CrossLinks)
        {
            Add(new Mention(link.Id, fromId, kind, title, sitePath, section, sectionTitle));
        }

        _citedSources.UnionWith(links.CitedKeys);
    }

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
