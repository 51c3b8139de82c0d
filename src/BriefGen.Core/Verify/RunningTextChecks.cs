using BriefGen.Diagnostics;
using BriefGen.Markdown;
using BriefGen.Markdown.Citations;
using BriefGen.Markdown.QuoteBoxes;
using BriefGen.Markdown.Quotations;
using BriefGen.Model;
using BriefGen.Resolve;
using BriefGen.Verify.Text;
using Markdig.Syntax;

namespace BriefGen.Verify;

/// <summary>A quotation in running text and what its check found.</summary>
public sealed record RunningQuotation(string Text, Location At, QuoteStatus Status, string? SourceId, Locator? Locator, QuotationInline? Inline);

/// <summary>
/// SPEC §3 for running text: every quotation is checked against the passages its sentence cites, and every
/// number of a sentence that cites a source with text must stand in those passages, unless a signal leads the
/// citation. Paragraphs of quote boxes are the boxes' own business.
/// </summary>
public sealed class RunningTextChecks(CitedPassages sources, DiagnosticBag diagnostics)
{
    private readonly List<RunningQuotation> _quotations = [];

    public IReadOnlyList<RunningQuotation> Quotations => _quotations;

    public int NumbersChecked { get; private set; }

    public int NumbersFound { get; private set; }

    /// <summary>Checks every paragraph of a parsed text.</summary>
    public void Check(ParsedText text)
    {
        foreach (var paragraph in text.Document.Descendants<ParagraphBlock>())
        {
            if (paragraph.Inline is not null && !QuotationExtension.InQuoteBox(paragraph))
            {
                Check(InlineText.Of(paragraph.Inline), text.Origin);
            }
        }
    }

    /// <summary>Checks a figure's label: its quotations against the figure's own citation.</summary>
    public void CheckLabel(Figure figure, CitationInline? cite)
    {
        foreach (var quote in RunningQuotes.Find(figure.Label))
        {
            CheckQuotation(quote.Text, cite?.Items ?? [], paragraphCites: cite is not null, figure.At, null);
        }
    }

    private void Check(InlineText paragraph, TextOrigin origin)
    {
        var text = paragraph.Text;
        var sentences = Sentences.Split(text);
        // The items cited in each sentence, in order: one list per sentence, filled by index (this runs for every
        // sentence of the brief, most of which cite nothing).
        var citationMarks = paragraph.Citations;
        var cites = new List<List<CitationItem>>(sentences.Count);
        foreach (var (start, end) in sentences)
        {
            var items = new List<CitationItem>();
            for (var i = 0; i < citationMarks.Count; i++)
            {
                if (citationMarks[i].Offset >= start && citationMarks[i].Offset < end)
                {
                    items.AddRange(citationMarks[i].Citation.Items);
                }
            }

            cites.Add(items);
        }

        var quotes = RunningQuotes.Find(text);

        foreach (var quote in quotes)
        {
            var s = sentences.FindIndex(x => quote.Start >= x.Start && quote.Start < x.End);
            var items = s < 0 ? [] : Nearest(cites, s);
            var (line, column) = paragraph.Position(quote.Start);
            var inline = paragraph.LiteralAt(quote.Start)?.Literal.Parent as QuotationInline;
            CheckQuotation(quote.Text, items, paragraph.Citations.Count > 0, origin.At(line, column), inline);
        }

        for (var s = 0; s < sentences.Count; s++)
        {
            if (cites[s].Count == 0)
            {
                continue; // No citation: nothing to hold the numbers against.
            }

            var (start, end) = sentences[s];
            var marks = citationMarks.Where(c => c.Offset >= start && c.Offset < end).ToList();
            var numbers = Numbers.Find(text[start..end]).Where(n =>
            {
                var at = start + n.Start;
                return !quotes.Any(q => at >= q.Start && at < q.End) && Checkable(Covering(marks, at));
            }).ToList();
            if (numbers.Count == 0)
            {
                continue; // No number to check: the cited passages are not looked up, nor their sources indexed.
            }

            var direct = cites[s].Where(i => i.Signal == Signal.None).ToList();
            var passages = direct.Count == 0 ? [] : sources.Of(direct);
            if (passages.Count == 0)
            {
                continue; // No direct citation of a source with text: nothing to hold the numbers against.
            }

            foreach (var number in numbers)
            {
                var at = start + number.Start;
                NumbersChecked++;
                if (passages.Any(p => FigureMatcher.Contains(p.Index.TextOf(p.Range), number.Value)))
                {
                    NumbersFound++;
                    continue;
                }

                var (line, column) = paragraph.Position(at);
                diagnostics.Warning(origin.At(line, column), DiagnosticCodes.NumberNotInSource,
                    $"the number “{number.Written}” is not in {Describe(passages)}{NumbersOf(passages)}; cite the passage that has it, " +
                    "or lead the citation with a signal such as 'see' or 'cf.' if the source supports the sentence only indirectly");
            }
        }
    }

    // The citation a number leans on: the first after it in its sentence (a citation covers the words before
    // it), else the last before it.
    private static CitationInline? Covering(List<(int Offset, CitationInline Citation)> marks, int at) =>
        marks.FirstOrDefault(m => m.Offset > at).Citation ?? marks.LastOrDefault(m => m.Offset < at).Citation;

    // A number is held against the source only when the citation it leans on cites directly, and only sources
    // whose text can be read: a signal says the support is indirect, and a source without text cannot be read.
    private bool Checkable(CitationInline? citation)
    {
        var direct = citation?.Items.Where(i => i.Signal == Signal.None).ToList() ?? [];
        return direct.Count > 0 && direct.All(i => sources.SourceOf(i) is { Text: not null });
    }

    /// <summary>The citations of the quotation's sentence; failing that, of the next sentence that cites, then the one before.</summary>
    private static List<CitationItem> Nearest(List<List<CitationItem>> cites, int sentence)
    {
        for (var s = sentence; s < cites.Count; s++)
        {
            if (cites[s].Count > 0)
            {
                return cites[s];
            }
        }

        for (var s = sentence - 1; s >= 0; s--)
        {
            if (cites[s].Count > 0)
            {
                return cites[s];
            }
        }

        return [];
    }

    private void CheckQuotation(string quote, IReadOnlyList<CitationItem> items, bool paragraphCites, Location at, QuotationInline? inline)
    {
        if (!paragraphCites || items.Count == 0)
        {
            diagnostics.Warning(at, DiagnosticCodes.UnsourcedQuotation,
                $"unsourced quotation: “{Short(quote)}” stands in a paragraph that cites nothing; cite where the words are, such as [@source, ¶4]");
            _quotations.Add(new RunningQuotation(quote, at, QuoteStatus.Unsourced, null, null, inline));
            return;
        }

        if (QuotationCheck.Of(quote, items, sources) is not { } verdict)
        {
            return; // An unknown source: the citation checks report it.
        }

        var words = QuoteWords.Count(quote);
        switch (verdict.Status)
        {
            case QuoteStatus.Unverifiable:
                diagnostics.Warning(at, DiagnosticCodes.UnverifiableQuote,
                    $"quotation “{Short(quote)}” cannot be verified: source '{verdict.Item.Key}' has no text: field to check it against");
                break;
            case QuoteStatus.Misquoted when words >= 3:
                diagnostics.Error(at, DiagnosticCodes.Misquote, QuotationCheck.Misquote(verdict, $"the quoted words “{Short(quote)}” are"));
                break;
            case QuoteStatus.Misquoted:
                diagnostics.Warning(at, DiagnosticCodes.ShortQuotationNotFound,
                    $"the quoted {(words == 1 ? "word" : "words")} “{Short(quote)}” {(words == 1 ? "is" : "are")} not in {verdict.Cited}; " +
                    (verdict.Elsewhere ?? "drop the quotation marks if they are not the source's words"));
                break;
            case QuoteStatus.LocatorNotChecked:
                diagnostics.Warning(at, DiagnosticCodes.LocatorNotChecked, LocatorNotChecked(verdict, $"the quoted words “{Short(quote)}”"));
                break;
        }

        _quotations.Add(new RunningQuotation(quote, at, verdict.Status, verdict.Item.Key, verdict.Item.Locator, inline));
    }

    /// <summary>The warning for words found only in the whole text because the locator pins nothing.</summary>
    public static string LocatorNotChecked(QuotationVerdict verdict, string what) =>
        $"{what} are in '{verdict.Item.Key}', but the locator “{verdict.Item.Locator.Display}” names no paragraph or page of it, so the words were " +
        "checked against the whole text and the locator was not checked; cite a paragraph (¶4) or, for a PDF, a page (p. 4)";

    private static string Describe(List<CitedPassage> passages) =>
        string.Join(" or ", passages.Select(p => p.Item.Locator.Display is { Length: > 0 } d && p.Pinned ? $"{d} of '{p.Source.Id}'" : $"'{p.Source.Id}'")
            .Distinct(StringComparer.Ordinal));

    private static string NumbersOf(List<CitedPassage> passages)
    {
        var found = passages.Where(p => p.Pinned && p.Item.Locator.Kind != LocatorKind.None)
            .SelectMany(p => Numbers.Find(p.Index.TextOf(p.Range)).Select(n => n.Written))
            .Distinct(StringComparer.Ordinal).Take(6).ToList();
        return found.Count == 0 ? ", which has no numbers" : $", which has {string.Join(", ", found)}";
    }

    private static string Short(string quote)
    {
        var one = Markdown.PlainText.Squash(quote);
        return one.Length <= 80 ? one : one[..77] + "…";
    }
}
