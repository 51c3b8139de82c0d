using System.Collections.Concurrent;
using BriefGen.Markdown;

namespace BriefGen.Render.Citations;

/// <summary>
/// Every citation mark rendered anywhere in the site, collected while pages render in parallel and
/// read back in a stable order for "Cited by" and the paragraph maps.
/// </summary>
public sealed class CitationUses
{
    private readonly ConcurrentBag<CitationUse> _uses = [];

    private Dictionary<string, List<CitationUse>>? _bySource;

    public void Add(CitationUse use)
    {
        _bySource = null;
        _uses.Add(use);
    }

    /// <summary>The uses of one source in reading order. Grouped once after the citing pages have rendered.</summary>
    public IReadOnlyList<CitationUse> Of(string sourceId)
    {
        var groups = _bySource;
        if (groups is null)
        {
            groups = Sorted(_uses).GroupBy(u => u.SourceId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            _bySource = groups;
        }

        return groups.TryGetValue(sourceId, out var list) ? list : [];
    }

    private static IEnumerable<CitationUse> Sorted(IEnumerable<CitationUse> uses) => uses
        .OrderBy(u => u.PageOrder)
        .ThenBy(u => u.PageUrl, StringComparer.Ordinal)
        .ThenBy(u => MarkOrder(u.MarkId))
        .ThenBy(u => u.MarkId, StringComparer.Ordinal);

    // cite-12-3 sorts after cite-2-1: compare the numbers, not the text.
    private static (int, int) MarkOrder(string id)
    {
        var parts = id.Split('-');
        return parts.Length == 3 && int.TryParse(parts[1], out var n) && int.TryParse(parts[2], out var k) ? (n, k) : (0, 0);
    }
}
