using BriefGen.Markdown;
using BriefGen.Model;

namespace BriefGen.Resolve;

/// <summary>
/// The output pages that show Markdown, each with the texts it shows in the order a reader meets them,
/// numbered once: the brief's pages, /figures/, /timeline/, /print/ and each entity's page.
/// </summary>
public static class OutputPages
{
    /// <summary>Where the generated pages sort among the brief's own pages (after all of them), for "Cited by" and /quotes/.</summary>
    public static int FiguresOrder(int pages) => pages + 1;

    public static int TimelineOrder(int pages) => pages + 2;

    public static int PrintOrder(int pages) => pages + 3;

    public static int EntityOrder(int pages, int entity) => pages + 10 + entity;

    /// <summary>Timeline events in date order; events on the same date keep the order of timeline.yml.</summary>
    public static IEnumerable<TimelineEvent> EventsInOrder(BriefContent content) =>
        content.Events.Select((e, i) => (e, i)).OrderBy(x => x.e.Date).ThenBy(x => x.i).Select(x => x.e);

    /// <summary>
    /// Numbers every output page that shows Markdown. The print page, which repeats every page, is numbered only
    /// when something asks for it (<paramref name="print"/>): a preview that does not render it does not pay for it.
    /// </summary>
    internal static Dictionary<string, PageContext> Number(BriefContent content, ParsedBrief parsed, IReadOnlyList<Page> order, string baseUrl,
        out Func<PageContext> print, ResolveCache? cache = null)
    {
        PageContext Of(int slot, string title, string sitePath, int at, IEnumerable<ParsedText> texts, bool countsUses = true, string? pageId = null)
        {
            if (cache is null)
            {
                return PageNumbering.Of(title, sitePath, baseUrl + sitePath, at, texts, countsUses);
            }

            var key = new NumberingKey(title, sitePath, baseUrl + sitePath, at, countsUses, texts as ParsedText[] ?? texts.ToArray()) { PageId = pageId };
            return cache.Number(slot, key, () => PageNumbering.Of(title, sitePath, baseUrl + sitePath, at, key.Texts, countsUses));
        }

        // The brief's pages take the first slots, in reading order; a page that shows what it showed at its slot last
        // time is found there without its key, path or URL being made (at 5,000 pages, most of this stage's time).
        var figureCites = content.Figures.Select(f => parsed.FigureCites.GetValueOrDefault(f.Id)).OfType<ParsedText>().ToList();
        PageContext OfPage(int slot)
        {
            var page = order[slot];
            return cache?.KeptPage(slot, page, baseUrl, parsed) ??
                   Of(slot, page.Title, SitePaths.Page(page.Id), slot, PageTexts(page, parsed, figureCites), pageId: page.Id);
        }

        var jobs = new List<Func<int, PageContext>>(); // The other pages, after them.
        var n = order.Count;
        jobs.Add(slot => Of(slot, "Figures", SitePaths.Figures, FiguresOrder(n), figureCites));
        jobs.Add(slot => Of(slot, "Timeline", SitePaths.Timeline, TimelineOrder(n),
            EventsInOrder(content).Select(e => parsed.EventTexts.GetValueOrDefault(e.Id)).OfType<ParsedText>()));
        print = () => PageNumbering.Of("Print", SitePaths.Print, baseUrl + SitePaths.Print, PrintOrder(n), PrintTexts(order, parsed, figureCites),
            countsUses: false);
        for (var k = 0; k < content.Entities.Count; k++)
        {
            var entity = content.Entities[k];
            var at = EntityOrder(n, k);
            jobs.Add(slot => Of(slot, entity.Name, SitePaths.Entity(entity.Id), at,
                parsed.EntityDescriptions.TryGetValue(entity.Id, out var d) ? [d] : []));
        }

        var pages = new Dictionary<string, PageContext>(n + jobs.Count, StringComparer.Ordinal);
        cache?.BeginNumbering(n + jobs.Count);
        foreach (var page in Concurrently.Map(n + jobs.Count, slot => slot < n ? OfPage(slot) : jobs[slot - n](slot)))
        {
            pages.TryAdd(page.SitePath, page); // A duplicate id is reported by the id index; the first keeps its page.
        }

        cache?.Done();

        return pages;
    }

    /// <summary>A page shows, in order: the brief's summary (home), its own summary, its body, then (home) the figures.</summary>
    private static ParsedText[] PageTexts(Page page, ParsedBrief parsed, IReadOnlyList<ParsedText> figureCites)
    {
        var body = parsed.Pages[page.Id];
        var hasSummary = parsed.PageSummaries.TryGetValue(page.Id, out var summary);
        if (!page.IsHome)
        {
            return hasSummary ? [summary!, body] : [body];
        }

        var texts = new List<ParsedText>(3 + figureCites.Count);
        if (parsed.BriefSummary is { } brief)
        {
            texts.Add(brief);
        }

        if (hasSummary)
        {
            texts.Add(summary!);
        }

        texts.Add(body);
        texts.AddRange(figureCites);
        return [.. texts];
    }

    /// <summary>The print page: every page's summary and body in reading order, then the brief's summary and the figures.</summary>
    private static IEnumerable<ParsedText> PrintTexts(IReadOnlyList<Page> order, ParsedBrief parsed, IReadOnlyList<ParsedText> figureCites)
    {
        foreach (var page in order)
        {
            if (parsed.PageSummaries.TryGetValue(page.Id, out var summary))
            {
                yield return summary;
            }

            yield return parsed.Pages[page.Id];
        }

        if (parsed.BriefSummary is { } brief)
        {
            yield return brief;
        }

        foreach (var cite in figureCites)
        {
            yield return cite;
        }
    }
}
