using BriefGen.Diagnostics;
using BriefGen.Model;

namespace BriefGen.Resolve;

/// <summary>
/// The order a reader goes through the brief: brief.yml's nav, then any page it leaves out by
/// (order, id). With no nav, every page by (order, id), home first.
/// </summary>
public static class ReadingOrder
{
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
