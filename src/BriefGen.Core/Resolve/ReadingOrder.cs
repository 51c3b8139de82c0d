using BriefGen.Diagnostics;
using BriefGen.Model;

namespace BriefGen.Resolve;

/// <summary>
/// The order a reader goes through the brief: brief.yml's nav, then any page it leaves out by
/// (order, id). With no nav, every page by (order, id), home first.
/// </summary>
public static class ReadingOrder
{
    /// <summary>
    /// <see cref="Of(BriefContent, DiagnosticBag)"/> through the preview's <paramref name="memo"/>: while nav and
    /// every page's id and order are as they were, the pages take the places they had, without sorting them again.
    /// </summary>
    public static IReadOnlyList<Page> Of(BriefContent content, DiagnosticBag diagnostics, ReadingOrderMemo? memo) =>
        memo is null ? Of(content, diagnostics) : memo.Of(content, diagnostics);

    public static IReadOnlyList<Page> Of(BriefContent content, DiagnosticBag diagnostics)
    {
        // Two pages with one id are reported by the id index; the first file keeps the id here.
        var byId = new Dictionary<string, Page>(StringComparer.Ordinal);
        foreach (var p in content.Pages)
        {
            byId.TryAdd(p.Id, p);
        }

        var ordered = new List<Page>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < content.Brief.Nav.Count; i++)
        {
            var id = content.Brief.Nav[i];
            if (content.LeftOutDrafts.Contains(id))
            {
                continue; // A draft keeps its place in nav for builds with --drafts.
            }

            if (!byId.ContainsKey(id) && content.Unloaded.Contains(id))
            {
                continue; // The page has an error of its own; its place in nav is not a second one.
            }

            if (!byId.TryGetValue(id, out var page))
            {
                var near = Suggestions.Near(id, byId.Keys);
                diagnostics.Error(i < content.Brief.NavAt.Count ? content.Brief.NavAt[i] : content.Brief.At, DiagnosticCodes.UnknownNavPage,
                    $"nav names '{id}', but there is no page with that id in content/pages/" +
                    (near.Count > 0 ? $" (did you mean {string.Join(" or ", near.Select(n => $"'{n}'"))}?)" : ""));
                continue;
            }

            if (placed.Add(page.Id))
            {
                ordered.Add(page);
            }
        }

        ordered.AddRange(byId.Values
            .Where(p => !placed.Contains(p.Id))
            .OrderBy(p => p.IsHome ? 0 : 1)
            .ThenBy(p => p.Order ?? int.MaxValue)
            .ThenBy(p => p.Id, StringComparer.Ordinal));
        return ordered;
    }
}

/// <summary>
/// The last reading order as places in the list of pages, kept while what the order reads is the same: the brief's
/// nav (the same brief.yml), the drafts left out, the unloaded ids, and each page's id and order field. Pages whose
/// words changed take their places again as the new objects. An order that reported anything is not kept.
/// </summary>
public sealed class ReadingOrderMemo
{
    private BriefContent? _content;
    private int[] _places = [];

    internal IReadOnlyList<Page> Of(BriefContent content, DiagnosticBag diagnostics)
    {
        if (_content is { } last && Same(last, content))
        {
            _content = content;
            var pages = new Page[_places.Length];
            for (var k = 0; k < pages.Length; k++)
            {
                pages[k] = content.Pages[_places[k]];
            }

            return pages;
        }

        var own = new DiagnosticBag();
        var order = ReadingOrder.Of(content, own);
        var reported = own.Sorted();
        diagnostics.AddReported(reported);
        if (reported.Count > 0)
        {
            _content = null;
            return order;
        }

        var index = new Dictionary<Page, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < content.Pages.Count; i++)
        {
            index.TryAdd(content.Pages[i], i);
        }

        _places = [.. order.Select(p => index[p])];
        _content = content;
        return order;
    }

    private static bool Same(BriefContent a, BriefContent b)
    {
        if (!ReferenceEquals(a.Brief, b.Brief) || a.Pages.Count != b.Pages.Count || !a.LeftOutDrafts.SequenceEqual(b.LeftOutDrafts, StringComparer.Ordinal) ||
            !a.Unloaded.SetEquals(b.Unloaded))
        {
            return false;
        }

        for (var i = 0; i < a.Pages.Count; i++)
        {
            Page was = a.Pages[i], now = b.Pages[i];
            if (!ReferenceEquals(was, now) && (!string.Equals(was.Id, now.Id, StringComparison.Ordinal) || was.Order != now.Order))
            {
                return false;
            }
        }

        return true;
    }
}
