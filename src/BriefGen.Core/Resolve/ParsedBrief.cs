using BriefGen.Diagnostics;
using BriefGen.Markdown;
using BriefGen.Model;
using Markdig.Syntax;

namespace BriefGen.Resolve;

/// <summary>A piece of Markdown parsed once, with where it came from.</summary>
public sealed record ParsedText(MarkdownDocument Document, TextOrigin Origin);

/// <summary>What a parsed text is of the brief.</summary>
public enum TextKind
{
    BriefSummary,
    Page,
    PageSummary,
    EntityDescription,
    Event,
    FigureCite,
}

/// <summary>A parsed text with what it is and the id of what it belongs to (the page, entity, event or figure; "" for the brief's summary).</summary>
public readonly record struct ListedText(TextKind Kind, string Id, ParsedText Text);

/// <summary>
/// Every Markdown text of the brief parsed once, up front, so later stages (citations, links,
/// verification) see all of it before any page renders.
/// </summary>
public sealed class ParsedBrief
{
    private ParsedBrief(
        Dictionary<string, ParsedText> pages,
        ParsedText? briefSummary,
        Dictionary<string, ParsedText> pageSummaries,
        Dictionary<string, ParsedText> entityDescriptions,
        Dictionary<string, ParsedText> eventTexts,
        Dictionary<string, ParsedText> figureCites)
    {
        FigureCites = figureCites;
        Pages = pages;
        BriefSummary = briefSummary;
        PageSummaries = pageSummaries;
        EntityDescriptions = entityDescriptions;
        EventTexts = eventTexts;
        _listed = new Lazy<IReadOnlyList<ListedText>>(List);
        _all = new Lazy<IReadOnlyList<ParsedText>>(() =>
        {
            var listed = _listed.Value;
            var all = new ParsedText[listed.Count];
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = listed[i].Text;
            }

            return all;
        });
    }

    private readonly Lazy<IReadOnlyList<ListedText>> _listed;
    private readonly Lazy<IReadOnlyList<ParsedText>> _all;

    public IReadOnlyDictionary<string, ParsedText> Pages { get; }

    public ParsedText? BriefSummary { get; }

    public IReadOnlyDictionary<string, ParsedText> PageSummaries { get; }

    public IReadOnlyDictionary<string, ParsedText> EntityDescriptions { get; }

    public IReadOnlyDictionary<string, ParsedText> EventTexts { get; }

    /// <summary>Each figure's <c>cite</c> field, parsed as the citation it must be.</summary>
    public IReadOnlyDictionary<string, ParsedText> FigureCites { get; }

    /// <summary>Every parsed text, in a stable order: the brief's summary, then pages, page summaries, entity descriptions, events and figure cites, each by id.</summary>
    public IReadOnlyList<ParsedText> All() => _all.Value;

    /// <summary>Every parsed text as <see cref="All"/> lists them, with what each is and whose it is. Listed once.</summary>
    public IReadOnlyList<ListedText> Listed => _listed.Value;

    private List<ListedText> List()
    {
        var listed = new List<ListedText>(1 + Pages.Count + PageSummaries.Count + EntityDescriptions.Count + EventTexts.Count + FigureCites.Count);
        if (BriefSummary is not null)
        {
            listed.Add(new ListedText(TextKind.BriefSummary, "", BriefSummary));
        }

        foreach (var (kind, group) in new[]
                 {
                     (TextKind.Page, Pages), (TextKind.PageSummary, PageSummaries), (TextKind.EntityDescription, EntityDescriptions),
                     (TextKind.Event, EventTexts), (TextKind.FigureCite, FigureCites),
                 })
        {
            foreach (var (key, text) in ByKey(group))
            {
                listed.Add(new ListedText(kind, key, text));
            }
        }

        return listed;
    }

    /// <summary>The field of the first item with each id that has it, parsed; later items with the id are not read.</summary>
    private static Dictionary<string, ParsedText> FirstById<T>(IReadOnlyList<T> items, Func<T, string> id, Func<T, MarkdownText?> field,
        Func<MarkdownText, ParsedText> parse)
    {
        var parsed = new Dictionary<string, ParsedText>(items.Count, StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (field(item) is { } text)
            {
                // One lookup for the id: found, it is a later item's and is not read; else its place is filled.
                ref var place = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(parsed, id(item), out var taken);
                if (!taken)
                {
                    place = parse(text);
                }
            }
        }

        return parsed;
    }

    /// <summary>A text at the same place as last time is the same text when it is the same string at the same origin.</summary>
    private static readonly Func<(string Text, TextOrigin Origin), (string Text, TextOrigin Origin), bool> SameText =
        (a, b) => ReferenceEquals(a.Text, b.Text) && a.Origin == b.Origin;

    /// <summary>
    /// The group's entries by key. The groups are filled in the order of the files, which is mostly the keys' order
    /// already: sorted only when it is not.
    /// </summary>
    private static KeyValuePair<string, ParsedText>[] ByKey(IReadOnlyDictionary<string, ParsedText> group)
    {
        var entries = group.ToArray();
        for (var i = 1; i < entries.Length; i++)
        {
            if (string.CompareOrdinal(entries[i - 1].Key, entries[i].Key) > 0)
            {
                Array.Sort(entries, (x, y) => string.CompareOrdinal(x.Key, y.Key));
                break;
            }
        }

        return entries;
    }

    /// <summary>
    /// Parses every text and checks it (<see cref="MarkdownEngine.Check"/>); with a <paramref name="cache"/> (the preview),
    /// a text parsed and checked before is the same <see cref="ParsedText"/> again, and is not checked again.
    /// </summary>
    public static ParsedBrief Parse(BriefContent content, MarkdownEngine markdown, MarkdownSite site, DiagnosticBag diagnostics, ResolveCache? cache = null)
    {
        // Bodies take the first slots, one per page; the fields follow in the order they are parsed.
        var slots = content.Pages.Count * 2 + content.Entities.Count + content.Events.Count + content.Figures.Count + 1;
        var memo = cache?.MarkdownChecks;
        var kept = cache?.Texts;
        memo?.Begin(slots, site.BaseUrl + "\n" + site.AllowHtml);
        kept?.Begin(slots);
        ParsedText Parse(int slot, string text, TextOrigin origin)
        {
            var parsed = kept is null
                ? new ParsedText(markdown.Parse(text), origin)
                : kept.Of(slot, (text, origin), (markdown, text, origin), static s => new ParsedText(s.markdown.Parse(s.text), s.origin), SameText);
            TextMemo<TextFindings>.Read(memo, slot, parsed, "", (parsed, site, origin),
                    static s => TextFindings.Of(found => MarkdownEngine.Check(s.parsed.Document, s.site, s.origin, found)))
                .ReportTo(diagnostics);
            return parsed;
        }

        var field = content.Pages.Count;
        ParsedText ParseField(MarkdownText text) => Parse(field++, text.Value, TextOrigin.From(text));

        // Every page's body is parsed (and checked), side by side; the first page with an id keeps it (a second is
        // reported by the id index).
        var bodies = Concurrently.Map(content.Pages.Count, slot => Parse(slot, content.Pages[slot].Body, TextOrigin.WholeFile(content.Pages[slot].At.Path)));
        var pages = new Dictionary<string, ParsedText>(content.Pages.Count, StringComparer.Ordinal);
        for (var i = 0; i < bodies.Length; i++)
        {
            pages.TryAdd(content.Pages[i].Id, bodies[i]);
        }

        var brief = new ParsedBrief(
            pages,
            content.Brief.Summary is { } s ? ParseField(s) : null,
            FirstById(content.Pages, p => p.Id, p => p.Summary, ParseField),
            FirstById(content.Entities, e => e.Id, e => e.Description, ParseField),
            FirstById(content.Events, e => e.Id, e => e.Text, ParseField),
            FirstById(content.Figures, f => f.Id, f => f.Cite, ParseField));
        memo?.End();
        kept?.End();
        return brief;
    }
}
