namespace BriefGen.Verify;

/// <summary>The outcome of matching a quote: found (and where), or where it went wrong.</summary>
public sealed record QuoteMatch(bool Found, string? Problem = null)
{
    /// <summary>The first and last source word the quotation covers, when found.</summary>
    public (int First, int Last) Words { get; init; } = (-1, -1);

    public static QuoteMatch At(int first, int last) => new(true) { Words = (first, last) };
}

/// <summary>
/// Matches quoted words against a source (SPEC §3): words consecutive and in order within the cited
/// range; <c>…</c>, <c>...</c> and <c>[…]</c> mark elisions whose parts must appear in order;
/// <c>[editorial]</c> insertions are skipped; <c>[T]he</c> and <c>parent[s]</c> are alterations.
/// </summary>
public static class QuoteMatcher
{
    /// <summary>Matches <paramref name="quote"/> inside the words [Lo, Hi) of the source.</summary>
    public static QuoteMatch Match(string quote, SourceIndex index, (int Lo, int Hi) range)
    {
        var segments = QuoteWords.Segments(quote);
        if (segments.Count == 0)
        {
            return new QuoteMatch(false, "the quote has no words to check");
        }

        var from = range.Lo;
        var first = -1;
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            var at = Find(segment, index, from, range.Hi);
            if (at >= 0)
            {
                first = first < 0 ? at : first;
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

        return QuoteMatch.At(first, from - 1);
    }

    /// <summary>Where the quotation stands anywhere in the source, or null: for "these words are in ¶12".</summary>
    public static QuoteMatch? FindAnywhere(string quote, SourceIndex index)
    {
        var match = Match(quote, index, (0, index.AllWords.Count));
        return match.Found ? match : null;
    }

    /// <summary>The first position in [from, hi) where <paramref name="segment"/> stands word for word, or -1.</summary>
    private static int Find(List<QuoteWord> segment, SourceIndex index, int from, int hi)
    {
        var words = index.AllWords;
        var anchor = segment.FindIndex(w => !w.IsAltered);
        if (anchor < 0)
        {
            for (var p = from; p + segment.Count <= hi; p++)
            {
                if (StandsAt(segment, words, p))
                {
                    return p;
                }
            }

            return -1;
        }

        foreach (var q in index.Positions(segment[anchor].Text))
        {
            var p = q - anchor;
            if (p < from)
            {
                continue;
            }

            if (p + segment.Count > hi)
            {
                break;
            }

            if (StandsAt(segment, words, p))
            {
                return p;
            }
        }

        return -1;
    }

    private static bool StandsAt(List<QuoteWord> segment, IReadOnlyList<Word> words, int p)
    {
        for (var k = 0; k < segment.Count; k++)
        {
            if (!segment[k].Matches(words[p + k].Text))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Describes the closest passage of the range and the first word that differs from it.</summary>
    private static string Closest(List<QuoteWord> segment, SourceIndex index, (int Lo, int Hi) range)
    {
        var words = index.AllWords;
        if (range.Hi <= range.Lo)
        {
            return "the cited passage has no words";
        }

        // The best start: the longest run of matching words from the segment's start; failing that,
        // the most words equal at the same offsets.
        int best = range.Lo, bestPrefix = -1, bestScore = -1;
        for (var p = range.Lo; p < range.Hi; p++)
        {
            var prefix = 0;
            while (prefix < segment.Count && p + prefix < range.Hi && segment[prefix].Matches(words[p + prefix].Text))
            {
                prefix++;
            }

            var score = 0;
            for (var k = 0; k < segment.Count && p + k < range.Hi; k++)
            {
                score += segment[k].Matches(words[p + k].Text) ? 1 : 0;
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
                ? $"the quote has “{segment[bestPrefix].Written}” where the source has “{index.Passage(best + bestPrefix, best + bestPrefix)}”"
                : $"the quote goes on with “{segment[bestPrefix].Written}” after the cited text ends"
            : "";
        return $"closest passage: “{passage}”; {differs}";
    }
}
