using System.Text.RegularExpressions;

namespace BriefGen.Verify;

/// <summary>The outcome of matching a quote: found, or where it went wrong.</summary>
public sealed record QuoteMatch(bool Found, string? Problem = null)
{
    public static readonly QuoteMatch Yes = new(true);
}

/// <summary>
/// Matches quoted words against a source (SPEC §3): words consecutive and in order within the cited
/// range; <c>…</c>, <c>...</c> and <c>[…]</c> mark elisions whose parts must appear in order;
/// <c>[editorial]</c> insertions are skipped.
/// </summary>
public static partial class QuoteMatcher
{
    /// <summary>The quote's parts between elisions, each as its words, editorial insertions removed.</summary>
    public static List<List<string>> Segments(string quote)
    {
        var segments = new List<List<string>>();
        foreach (var part in Elision().Split(quote))
        {
            var words = Words.Of(Editorial().Replace(part, " ")).Select(w => w.Text).ToList();
            if (words.Count > 0)
            {
                segments.Add(words);
            }
        }

        return segments;
    }

    public static QuoteMatch Match(string quote, SourceIndex index, (int Lo, int Hi) range)
    {
        var segments = Segments(quote);
        if (segments.Count == 0)
        {
            return new QuoteMatch(false, "the quote has no words to check");
        }

        var from = range.Lo;
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            var at = Find(segment, index, from, range.Hi);
            if (at >= 0)
            {
                from = at + segment.Count;
                continue;
            }

            var earlier = s > 0 ? Find(segment, index, range.Lo, range.Hi) : -1;
            if (earlier >= 0)
            {
                return new QuoteMatch(false,
                    $"“{string.Join(' ', segment)}” is in the source, but before the part that precedes it in the quote: an elision must keep the source's order");
            }

            return new QuoteMatch(false, Closest(segment, index, range));
        }

        return QuoteMatch.Yes;
    }

    /// <summary>The first position in [from, hi) where <paramref name="segment"/> stands word for word, or -1.</summary>
    private static int Find(List<string> segment, SourceIndex index, int from, int hi)
    {
        var words = index.AllWords;
        foreach (var p in index.Positions(segment[0]))
        {
            if (p < from)
            {
                continue;
            }

            if (p + segment.Count > hi)
            {
                break;
            }

            var k = 1;
            while (k < segment.Count && words[p + k].Text == segment[k])
            {
                k++;
            }

            if (k == segment.Count)
            {
                return p;
            }
        }

        return -1;
    }

    /// <summary>Describes the closest passage of the range and the first word that differs from it.</summary>
    private static string Closest(List<string> segment, SourceIndex index, (int Lo, int Hi) range)
    {
        var words = index.AllWords;
        if (range.Hi <= range.Lo)
        {
            return "the cited paragraphs have no words";
        }

        // The best start: the longest run of matching words from the segment's start; failing that,
        // the most words equal at the same offsets.
        int best = range.Lo, bestPrefix = -1, bestScore = -1;
        for (var p = range.Lo; p < range.Hi; p++)
        {
            var prefix = 0;
            while (prefix < segment.Count && p + prefix < range.Hi && words[p + prefix].Text == segment[prefix])
            {
                prefix++;
            }

            var score = 0;
            for (var k = 0; k < segment.Count && p + k < range.Hi; k++)
            {
                score += words[p + k].Text == segment[k] ? 1 : 0;
            }

            if (prefix > bestPrefix || (prefix == bestPrefix && score > bestScore))
            {
                (best, bestPrefix, bestScore) = (p, prefix, score);
            }
        }

        var end = Math.Min(range.Hi - 1, best + segment.Count - 1);
        var passage = index.Passage(best, end);
        var differs = bestPrefix < segment.Count
            ? best + bestPrefix < range.Hi
                ? $"the quote has “{segment[bestPrefix]}” where the source has “{index.Passage(best + bestPrefix, best + bestPrefix)}”"
                : $"the quote goes on with “{segment[bestPrefix]}” after the cited text ends"
            : "";
        return $"closest passage: “{passage}”; {differs}";
    }

    [GeneratedRegex(@"\[\s*(?:…|\.\.\.)\s*\]|…|\.\.\.")]
    private static partial Regex Elision();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Editorial();
}
