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

    public void Add(CitationUse use) => _uses.Add(use);

    public IReadOnlyList<CitationUse> Of(string sourceId) => _uses
        .Where(u => u.SourceId == sourceId)
        .OrderBy(u => u.PageOrder)
        .ThenBy(u => u.PageUrl, StringComparer.Ordinal)
        .ThenBy(u => MarkOrder(u.MarkId))
        .ThenBy(u => u.MarkId, StringComparer.Ordinal)
        .ToList();

    // cite-12-3 sorts after cite-2-1: compare the numbers, not the text.
    private static (int, int) MarkOrder(string id)
    {
        var parts = id.Split('-');
        return parts.Length == 3 && int.TryParse(parts[1], out var n) && int.TryParse(parts[2], out var k) ? (n, k) : (0, 0);
    }
}
