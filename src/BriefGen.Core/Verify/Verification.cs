using BriefGen.Diagnostics;
using BriefGen.Markdown.Citations;
using BriefGen.Markdown.QuoteBoxes;
using BriefGen.Model;
using BriefGen.Resolve;
using Markdig.Syntax;

namespace BriefGen.Verify;

/// <summary>What verification found for a figure.</summary>
public sealed record FigureCheck(bool Verified, bool Verifiable, CitationItem? Item);

/// <summary>
/// The verify stage: every quote box and every figure checked against the text it cites. Each source
/// text is indexed once; each quote is then matched within its cited paragraphs only, so the work grows
/// with the size of the brief, not with quotes × sources.
/// </summary>
public sealed class Verification
{
    private readonly Dictionary<QuoteBox, QuoteCheck> _quotes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, FigureCheck> _figures = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<QuoteBox, QuoteCheck> Quotes => _quotes;

    public IReadOnlyDictionary<string, FigureCheck> Figures => _figures;

    public int QuotesVerified => _quotes.Values.Count(q => q.Status == QuoteStatus.Verified);

    public int FiguresVerified => _figures.Values.Count(f => f.Verified);

    /// <summary>The check of one quote box, or null when it could not be checked (no citation, an unknown source).</summary>
    public QuoteCheck? Of(QuoteBox box) => _quotes.GetValueOrDefault(box);

    /// <summary>Checks every quote box and figure of the resolved brief; reports what does not match.</summary>
    public static Verification Run(ResolvedBrief brief, DiagnosticBag diagnostics)
    {
        var content = brief.Content;
        var parsed = brief.Parsed;
        var sources = brief.Sources;
        var result = new Verification();
        var indexes = new Dictionary<string, SourceIndex>(StringComparer.Ordinal);
        SourceIndex IndexOf(Source s) => indexes.TryGetValue(s.Id, out var i) ? i : indexes[s.Id] = new SourceIndex(s.Text!);

        foreach (var (box, text) in brief.QuoteBoxes)
        {
            var at = text.Origin.At(box.Block);
            var attributionAt = text.Origin.At(box.AttributionLine, box.AttributionColumn);
            if (box.Speaker is null)
            {
                diagnostics.Error(attributionAt, DiagnosticCodes.BadAttribution,
                    "the attribution of a quote box needs the speaker as a cross-link, such as — [[mark-morgan]], at a briefing [@seed, ¶18]");
            }

            if (box.Citation is not { } citation)
            {
                diagnostics.Error(attributionAt, DiagnosticCodes.BadAttribution,
                    "the attribution of a quote box needs a citation of where the words are, such as [@seed, ¶18]");
                continue;
            }

            var item = citation.Items[0];
            if (!sources.TryGetValue(item.Key, out var source))
            {
                continue; // Reported by the citation checks.
            }

            if (source.Text is null)
            {
                diagnostics.Warning(at, DiagnosticCodes.UnverifiableQuote,
                    $"quote cannot be verified: source '{source.Id}' has no text: field to check it against");
                result._quotes[box] = new QuoteCheck(QuoteStatus.Unverifiable, source.Id, item.Locator);
                continue;
            }

            var index = IndexOf(source);
            var ranges = Ranges(citation, source.Id, index);
            var match = ranges.Select(r => QuoteMatcher.Match(box.Text, index, r)).ToList();
            var found = match.FirstOrDefault(m => m.Found);
            if (found is null)
            {
                var where = string.Join(" and ", citation.Items.Where(i => i.Key == source.Id).Select(i => i.Locator.Display).Where(d => d.Length > 0).Distinct());
                diagnostics.Error(at, DiagnosticCodes.Misquote,
                    $"misquote: the quoted words are not in {(where.Length > 0 ? where + " of " : "")}'{source.Id}'; {match[0].Problem}");
                result._quotes[box] = new QuoteCheck(QuoteStatus.Misquoted, source.Id, item.Locator);
                continue;
            }

            result._quotes[box] = new QuoteCheck(QuoteStatus.Verified, source.Id, item.Locator);
        }

        foreach (var figure in content.Figures)
        {
            if (!parsed.FigureCites.TryGetValue(figure.Id, out var cite) ||
                cite.Document.Descendants<CitationInline>().FirstOrDefault() is not { } citation)
            {
                continue; // Reported by the citation checks.
            }

            var item = citation.Items[0];
            if (!sources.TryGetValue(item.Key, out var source))
            {
                continue;
            }

            if (source.Text is null)
            {
                diagnostics.Warning(figure.At, DiagnosticCodes.UnverifiableFigure,
                    $"figure '{figure.Id}' cannot be verified: source '{source.Id}' has no text: field to check it against");
                result._figures[figure.Id] = new FigureCheck(false, false, item);
                continue;
            }

            var texts = citation.Items.Where(i => i.Key == source.Id).SelectMany(i => i.Locator.EachRange()).Select(l => Passage(source.Text, l));
            if (texts.Any(t => FigureMatcher.Contains(t, figure.Value)))
            {
                result._figures[figure.Id] = new FigureCheck(true, true, item);
                continue;
            }

            diagnostics.Error(figure.At, DiagnosticCodes.FigureNotFound,
                $"figure '{figure.Id}': value “{figure.Value}” is not in {(item.Locator.Display is { Length: > 0 } d ? d + " of " : "")}'{source.Id}'");
            result._figures[figure.Id] = new FigureCheck(false, true, item);
        }

        return result;
    }

    /// <summary>The word ranges a quote may stand in: each cited passage of the source, and all of them together when they are adjacent.</summary>
    private static List<(int Lo, int Hi)> Ranges(CitationInline citation, string sourceId, SourceIndex index)
    {
        var ranges = citation.Items.Where(i => i.Key == sourceId).SelectMany(i => i.Locator.EachRange()).Select(index.Range).Distinct().ToList();
        if (ranges.Count > 1)
        {
            var sorted = ranges.OrderBy(r => r.Lo).ToList();
            if (sorted.Zip(sorted.Skip(1)).All(p => p.First.Hi >= p.Second.Lo))
            {
                ranges.Add((sorted[0].Lo, sorted.Max(r => r.Hi)));
            }
        }

        return ranges;
    }

    private static string Passage(SourceText text, Locator locator) =>
        locator.IsParagraphs && locator.End <= text.Paragraphs.Count
            ? string.Join("\n\n", text.Paragraphs.Skip(locator.Start - 1).Take(locator.End - locator.Start + 1))
            : string.Join("\n\n", text.Paragraphs);
}
