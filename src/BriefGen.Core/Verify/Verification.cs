using BriefGen.Diagnostics;
using BriefGen.Markdown.Citations;
using BriefGen.Markdown.QuoteBoxes;
using BriefGen.Markdown.Quotations;
using BriefGen.Resolve;
using Markdig.Syntax;

namespace BriefGen.Verify;

/// <summary>
/// The verify stage: every quote box, every quotation and number of running text, and every figure checked
/// against the passages it cites. Each source text is indexed once; each check then looks only inside its
/// cited passages, so the work grows with the size of the brief, not with quotes × sources.
/// </summary>
public sealed class Verification
{
    private readonly Dictionary<QuoteBox, QuoteCheck> _quotes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, FigureCheck> _figures = new(StringComparer.Ordinal);
    private readonly Dictionary<QuotationInline, RunningQuotation> _quotationOf = new(ReferenceEqualityComparer.Instance);
    private IReadOnlyList<RunningQuotation> _quotations = [];

    public IReadOnlyDictionary<QuoteBox, QuoteCheck> Quotes => _quotes;

    public IReadOnlyDictionary<string, FigureCheck> Figures => _figures;

    /// <summary>Every quotation of running text, in the order of the brief's texts.</summary>
    public IReadOnlyList<RunningQuotation> Quotations => _quotations;

    /// <summary>Quote boxes and quotations of running text together.</summary>
    public int QuotesChecked => _quotes.Count + _quotations.Count;

    public int QuotesVerified => _quotes.Values.Count(q => q.Status == QuoteStatus.Verified) + _quotations.Count(q => q.Status == QuoteStatus.Verified);

    public int FiguresVerified => _figures.Values.Count(f => f.Verified && f.LocatorChecked);

    /// <summary>Numbers of running text held against a cited passage, and how many were found there.</summary>
    public int NumbersChecked { get; private set; }

    public int NumbersFound { get; private set; }

    /// <summary>The check of one quote box, or null when it could not be checked (no citation, an unknown source).</summary>
    public QuoteCheck? Of(QuoteBox box) => _quotes.GetValueOrDefault(box);

    /// <summary>The check of one quotation of running text, or null when it was not wrapped or not checked.</summary>
    public RunningQuotation? Of(QuotationInline quotation) => _quotationOf.GetValueOrDefault(quotation);

    /// <summary>
    /// Checks the resolved brief; reports what does not match. Each text is checked on its own, in parallel; with a
    /// <paramref name="cache"/> (the preview) a text checked before against the same sources and entities is not
    /// checked again: its results and diagnostics are taken as they were.
    /// </summary>
    public static Verification Run(ResolvedBrief brief, DiagnosticBag diagnostics, VerifyCache? cache = null)
    {
        var result = new Verification();
        var texts = brief.Parsed.All();
        var sources = cache?.Begin(brief, texts.Count) ?? new CitedPassages(brief.Sources);
        var checkedTexts = Concurrently.Map(texts.Count, slot =>
        {
            var text = texts[slot];
            TextChecks Check() => TextChecks.Run(text, brief.BoxesIn(slot), sources, brief.Entities);
            return cache is null ? Check() : cache.Of(slot, text, Check);
        });
        cache?.End();

        var quotations = new List<RunningQuotation>();
        foreach (var text in checkedTexts)
        {
            foreach (var (box, check) in text.Quotes)
            {
                result._quotes[box] = check;
            }

            quotations.AddRange(text.Quotations);
            result.NumbersChecked += text.NumbersChecked;
            result.NumbersFound += text.NumbersFound;
            diagnostics.AddReported(text.Diagnostics);
        }

        var running = new RunningTextChecks(sources, diagnostics);
        var figures = new FigureChecks(sources, diagnostics);
        foreach (var figure in brief.Content.Figures)
        {
            var citation = brief.Parsed.FigureCites.TryGetValue(figure.Id, out var cite)
                ? cite.Document.Descendants<CitationInline>().FirstOrDefault()
                : null;
            running.CheckLabel(figure, citation);
            if (citation is not null && figures.Check(figure, citation) is { } check)
            {
                result._figures[figure.Id] = check;
            }
        }

        quotations.AddRange(running.Quotations);
        result._quotations = quotations;
        foreach (var quotation in quotations.Where(q => q.Inline is not null))
        {
            result._quotationOf[quotation.Inline!] = quotation;
        }

        return result;
    }
}

/// <summary>What checking one text found: its quote boxes' checks, its quotations, its numbers, and what it reported.</summary>
public sealed record TextChecks(
    IReadOnlyList<(QuoteBox Box, QuoteCheck Check)> Quotes,
    IReadOnlyList<RunningQuotation> Quotations,
    int NumbersChecked,
    int NumbersFound,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Checks one text: its quote boxes, then its running text and blockquotes. A function of the text, the sources and the entities.</summary>
    public static TextChecks Run(ParsedText text, IEnumerable<QuoteBox> boxes, CitedPassages sources, IReadOnlyDictionary<string, Model.Entity> entities)
    {
        var diagnostics = new DiagnosticBag();
        var boxChecks = new QuoteBoxChecks(sources, entities, diagnostics);
        var quotes = new List<(QuoteBox, QuoteCheck)>();
        foreach (var box in boxes)
        {
            if (boxChecks.Check(box, text) is { } check)
            {
                quotes.Add((box, check));
            }
        }

        var running = new RunningTextChecks(sources, diagnostics);
        running.Check(text);
        foreach (var block in text.Document.Descendants<QuoteBlock>())
        {
            boxChecks.CheckBlockquote(block, text);
        }

        return new TextChecks(quotes, running.Quotations, running.NumbersChecked, running.NumbersFound, diagnostics.Sorted());
    }
}
