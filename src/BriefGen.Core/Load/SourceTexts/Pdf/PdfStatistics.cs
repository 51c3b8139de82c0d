using System.Text.RegularExpressions;

namespace BriefGen.Load.SourceTexts.Pdf;

/// <summary>
/// What the whole document says about its own layout: the body's font size and line pitch, each
/// page column's left and right edges, and the words it spells with and without hyphens — the
/// evidence for rejoining a word hyphenated at a line end.
/// </summary>
internal sealed partial class PdfStatistics
{
    private static readonly HashSet<string> CompoundPrefixes = new(StringComparer.Ordinal)
    {
        "non", "self", "ex", "quasi", "semi", "cross", "well", "anti", "co", "multi", "pseudo", "ill",
    };

    private readonly Dictionary<(int Page, int Column), (double Left, double Right)> _edges = [];
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);

    public PdfStatistics(List<List<PdfLine>> pages)
    {
        var all = pages.SelectMany(p => p).ToList();
        BodySize = Mode(all.Select(l => (Round(l.Size), l.Text.Length)), 10);
        var gaps = new List<(double, int)>();
        foreach (var page in pages)
        {
            for (var i = 1; i < page.Count; i++)
            {
                var gap = page[i - 1].Baseline - page[i].Baseline;
                if (page[i - 1].Column == page[i].Column && gap > 0 && gap < page[i].Size * 3 && Math.Abs(page[i].Size - BodySize) < 1)
                {
                    gaps.Add((Round(gap), 1));
                }
            }

            foreach (var column in page.GroupBy(l => l.Column))
            {
                var lines = column.ToList();
                _edges[(lines[0].Page, column.Key)] = (Edge(lines.Select(l => l.TextLeft), smallest: true), Edge(lines.Select(l => l.Right), smallest: false));
            }
        }

        BodyPitch = Mode(gaps, BodySize * 1.2);
        // The document's vocabulary, without the halves of words broken at line ends (transmis- / sible).
        PdfLine? previous = null;
        foreach (var line in all)
        {
            var matches = WordPattern().Matches(line.Text).ToList();
            var from = previous is not null && previous.Text.EndsWith('-') ? 1 : 0;
            var to = line.Text.EndsWith('-') ? matches.Count - 1 : matches.Count;
            for (var i = from; i < to; i++)
            {
                _words.Add(matches[i].Value.ToLowerInvariant());
            }

            previous = line;
        }
    }

    public double BodySize { get; }

    public double BodyPitch { get; }

    /// <summary>Whether the lines are spaced widely enough (double spacing) for tighter lines to stand out as footnotes.</summary>
    public bool IsSpaced => BodyPitch >= BodySize * 1.6;

    /// <summary>The left and right edges of the text in the line's page column.</summary>
    public (double Left, double Right) Edges(PdfLine line) =>
        _edges.TryGetValue((line.Page, line.Column), out var e) ? e : (line.Left, line.Right);

    /// <summary>
    /// Whether <paramref name="before"/>- at a line end followed by <paramref name="after"/> is a hyphenated
    /// compound (kept: <c>in-person</c>, <c>10,000-square-foot</c>) rather than a word broken by the line (rejoined).
    /// </summary>
    public bool KeepsHyphen(string before, string after)
    {
        var head = before.TrimEnd('-');
        var compound = (head + "-" + after).ToLowerInvariant();
        var joined = (head + after).ToLowerInvariant();
        if (_words.Contains(compound))
        {
            return true;
        }

        if (_words.Contains(joined))
        {
            return false;
        }

        // Two words the document uses on their own (three-part, in-person) make a compound; a fragment does not (transmis-sible).
        var bothWords = head.Length >= 2 && after.Length >= 2 && _words.Contains(head.ToLowerInvariant()) && _words.Contains(after.ToLowerInvariant());
        return bothWords || head.Any(char.IsDigit) || after.Any(char.IsDigit) || after.Contains('-', StringComparison.Ordinal) ||
               CompoundPrefixes.Contains(head.ToLowerInvariant());
    }

    private static double Round(double v) => Math.Round(v * 2, MidpointRounding.AwayFromZero) / 2;

    /// <summary>The value with the largest total weight; ties go to the smaller value.</summary>
    private static double Mode(IEnumerable<(double Value, int Weight)> values, double fallback)
    {
        var best = values.GroupBy(v => v.Value).Select(g => (g.Key, Weight: g.Sum(x => x.Weight)))
            .OrderByDescending(g => g.Weight).ThenBy(g => g.Key).FirstOrDefault();
        return best.Weight > 0 ? best.Key : fallback;
    }

    /// <summary>The edge most lines share (within 2pt); ties go to the outermost.</summary>
    private static double Edge(IEnumerable<double> values, bool smallest)
    {
        var list = values.ToList();
        var best = list[0];
        var bestCount = -1;
        foreach (var v in list)
        {
            var count = list.Count(o => Math.Abs(o - v) <= 2);
            if (count > bestCount || (count == bestCount && (smallest ? v < best : v > best)))
            {
                (best, bestCount) = (v, count);
            }
        }

        return best;
    }

    [GeneratedRegex(@"\p{L}+(?:-\p{L}+)*")]
    private static partial Regex WordPattern();
}
