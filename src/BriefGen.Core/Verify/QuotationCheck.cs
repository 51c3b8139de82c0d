using BriefGen.Markdown.Citations;
using BriefGen.Markdown.QuoteBoxes;

namespace BriefGen.Verify;

/// <summary>What checking one quotation against the passages it cites found.</summary>
public sealed record QuotationVerdict(QuoteStatus Status, CitationItem Item, CitedPassage? Passage, string? Problem = null, string? Elsewhere = null)
{
    /// <summary>The cited passages as a note would name them ("¶4 of 'seed'"), for messages.</summary>
    public required string Cited { get; init; }
}

/// <summary>
/// Checks a quotation — a quote box's words or a quotation in running text — against the passages its
/// citation names (SPEC §3): pinned passages first; a locator that pins nothing is checked against the whole
/// text and says so; a misquote names the closest passage, or where in the source the words really are.
/// </summary>
public static class QuotationCheck
{
    /// <summary>The verdict, or null when no item names a known source (the citation checks report that).</summary>
    public static QuotationVerdict? Of(string quote, IReadOnlyList<CitationItem> items, CitedPassages sources)
    {
        var known = items.Where(i => sources.SourceOf(i) is not null).ToList();
        if (known.Count == 0)
        {
            return null;
        }

        var cited = Cited(known);
        var passages = sources.Of(known);
        if (passages.Count == 0)
        {
            return new QuotationVerdict(QuoteStatus.Unverifiable, known[0], null) { Cited = cited };
        }

        QuoteMatch? first = null;
        foreach (var pinned in new[] { true, false })
        {
            foreach (var passage in passages.Where(p => p.Pinned == pinned))
            {
                var match = QuoteMatcher.Match(quote, passage.Index, passage.Range);
                if (match.Found && !passage.Holds(match.Words))
                {
                    match = new QuoteMatch(false, $"the words are in the cited paragraphs but not on {passage.Item.Locator.Display}");
                }

                if (match.Found)
                {
                    return new QuotationVerdict(pinned ? QuoteStatus.Verified : QuoteStatus.LocatorNotChecked, passage.Item, passage) { Cited = cited };
                }

                first ??= match;
            }
        }

        var main = passages[0];
        string? elsewhere = null;
        if (QuoteMatcher.FindAnywhere(quote, main.Index) is { } anywhere)
        {
            var where = CitedPassages.Where(main.Index, anywhere.Words);
            elsewhere = $"these words are {(where.StartsWith('p') ? "on" : "in")} {where}; cite [@{main.Source.Id}, {where}]";
        }

        return new QuotationVerdict(QuoteStatus.Misquoted, main.Item, main, first!.Problem, elsewhere) { Cited = cited };
    }

    /// <summary>The message of a misquote: what was cited, then where the words are or the closest passage.</summary>
    public static string Misquote(QuotationVerdict verdict, string what) =>
        $"misquote: {what} not in {verdict.Cited}; {verdict.Elsewhere ?? verdict.Problem}";

    private static string Cited(List<CitationItem> items)
    {
        var parts = items.GroupBy(i => i.Key, StringComparer.Ordinal).Select(g =>
        {
            var where = string.Join(" and ", g.Select(i => i.Locator.Display).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal));
            return where.Length > 0 ? $"{where} of '{g.Key}'" : $"'{g.Key}'";
        });
        return string.Join(" or ", parts);
    }
}
