namespace BriefGen.Load.SourceTexts.Pdf;

/// <summary>
/// Running headers, footers and margin stamps: lines at the top or bottom of a page, or in its side
/// margins, that repeat — digits aside — on most pages (<c>Case: 20-1507 Document: 00117684624 Page: 3</c>,
/// <c>- 3 -</c>). They are not the document's text and are dropped, so a quote running across a page
/// break matches and a header cannot be quoted as the document's words.
/// </summary>
internal static class RunningLines
{
    private const int Band = 3;

    public static List<List<PdfLine>> Remove(List<List<PdfLine>> pages)
    {
        var pageCount = pages.Count(p => p.Count > 0);
        if (pageCount < 2)
        {
            return pages;
        }

        var candidates = pages.Select(Candidates).ToList();
        var seen = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Count; p++)
        {
            foreach (var line in candidates[p])
            {
                if (!seen.TryGetValue(line.Pattern, out var on))
                {
                    seen[line.Pattern] = on = [];
                }

                on.Add(p);
            }
        }

        var needed = pageCount <= 2 ? 2 : (pageCount + 1) / 2;
        var running = seen.Where(kv => kv.Value.Count >= needed).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        return pages.Select((lines, p) => lines.Where(l => !(candidates[p].Contains(l) && running.Contains(l.Pattern))).ToList()).ToList();
    }

    /// <summary>The lines that could be running: the top and bottom rows of the page, and lines outside its text's side margins.</summary>
    private static HashSet<PdfLine> Candidates(List<PdfLine> lines)
    {
        var set = new HashSet<PdfLine>();
        if (lines.Count == 0)
        {
            return set;
        }

        // Up to three rows at the top and at the bottom; fewer on a page of few lines, whose text is mostly body.
        var baselines = lines.Select(l => l.Baseline).Distinct().OrderByDescending(b => b).ToList();
        var band = Math.Min(Band, Math.Max(1, baselines.Count / 4));
        var top = baselines.Take(band).ToHashSet();
        var bottom = baselines.AsEnumerable().Reverse().Take(band).ToHashSet();
        var wide = lines.Where(l => l.Text.Length >= 30).ToList();
        var left = wide.Count > 0 ? PageLayout.Median(wide.Select(l => l.Left)) : double.MinValue;
        var right = wide.Count > 0 ? PageLayout.Median(wide.Select(l => l.Right)) : double.MaxValue;
        foreach (var line in lines)
        {
            if (top.Contains(line.Baseline) || bottom.Contains(line.Baseline) || line.Right < left - 2 || line.Left > right + 2)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
