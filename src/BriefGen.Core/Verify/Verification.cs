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

    /// <summary>Checks the resolved brief; reports what does not match.</summary>
    public static Verification Run(ResolvedBrief brief, DiagnosticBag diagnostics)
    {
        var result = new Verification();
        var sources = new CitedPassages(brief.Sources);
        var boxes = new QuoteBoxChecks(sources, brief.Entities, diagnostics);
        foreach (var (box, text) in brief.QuoteBoxes)
        {
            if (boxes.Check(box, text) is { } check)
            {
                result._quotes[box] = check;
            }
        }

        var running = new RunningTextChecks(sources, diagnostics);
        foreach (var text in brief.Parsed.All())
        {
            running.Check(text);
            foreach (var block in text.Document.Descendants<QuoteBlock>())
            {
                boxes.CheckBlockquote(block, text);
            }
        }

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

        result._quotations = running.Quotations;
        foreach (var quotation in running.Quotations.Where(q => q.Inline is not null))
        {
            result._quotationOf[quotation.Inline!] = quotation;
        }

        result.NumbersChecked = running.NumbersChecked;
        result.NumbersFound = running.NumbersFound;
        return result;
    }
}
