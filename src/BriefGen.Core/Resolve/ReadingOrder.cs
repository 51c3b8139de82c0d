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
        var byId = content.Pages.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var ordered = new List<Page>();
        foreach (var id in content.Brief.Nav)
        {
            if (content.LeftOutDrafts.Contains(id))
            {
                continue; // A draft keeps its place in nav for builds with --drafts.
            }

            if (!byId.TryGetValue(id, out var page))
            {
                diagnostics.Error(content.Brief.At, DiagnosticCodes.UnknownNavPage,
                    $"nav names '{id}', but there is no page with that id in content/pages/");
                continue;
            }

            if (!ordered.Contains(page))
            {
                ordered.Add(page);
            }
        }

        ordered.AddRange(content.Pages
            .Where(p => !ordered.Contains(p))
            .OrderBy(p => p.IsHome ? 0 : 1)
            .ThenBy(p => p.Order ?? int.MaxValue)
            .ThenBy(p => p.Id, StringComparer.Ordinal));
        return ordered;
    }
}
