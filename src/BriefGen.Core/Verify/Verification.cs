using System.Runtime.InteropServices;
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
    private Dictionary<QuoteBox, QuoteCheck> _quotes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, FigureCheck> _figures = new(StringComparer.Ordinal);
    private Dictionary<QuotationInline, RunningQuotation> _quotationOf = new(ReferenceEqualityComparer.Instance);
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
            var state = (text, slot, brief, sources);
            static TextChecks Check((ParsedText Text, int Slot, ResolvedBrief Brief, CitedPassages Sources) s) =>
                TextChecks.Run(s.Text, s.Brief.BoxesIn(s.Slot), s.Sources, s.Brief.Entities);
            return cache is null ? Check(state) : cache.Of(slot, text, state, Check);
        });
        cache?.End();

        var gathered = cache?.Gather(checkedTexts) ?? GatheredChecks.Of(checkedTexts);
        result._quotes = gathered.Quotes;
        result.NumbersChecked = gathered.NumbersChecked;
        result.NumbersFound = gathered.NumbersFound;
        diagnostics.AddReported(gathered.Diagnostics);
        var quotations = new List<RunningQuotation>(gathered.Quotations);

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
        result._quotationOf = gathered.QuotationOf;
        if (running.Quotations.Any(q => q.Inline is not null))
        {
            // The figures' labels add theirs to a copy: what was gathered from the texts may be kept for the next rebuild.
            result._quotationOf = new Dictionary<QuotationInline, RunningQuotation>(gathered.QuotationOf, ReferenceEqualityComparer.Instance);
            foreach (var quotation in running.Quotations.Where(q => q.Inline is not null))
            {
                result._quotationOf[quotation.Inline!] = quotation;
            }
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

/// <summary>
/// What every text's checks add up to: the checks by quote box, the quotations of running text in text order and by
/// where they stand, the numbers, and what was reported. Never changed once made, so a preview rebuild can keep it and
/// make the next one from it (<see cref="Patched"/>).
/// </summary>
internal sealed class GatheredChecks
{
    private GatheredChecks(TextChecks[] texts, int[] quotationStarts, int[] diagnosticStarts)
    {
        Texts = texts;
        QuotationStarts = quotationStarts;
        DiagnosticStarts = diagnosticStarts;
    }

    /// <summary>The texts' checks, by place in the parsed brief, that this adds up.</summary>
    public TextChecks[] Texts { get; }

    public Dictionary<QuoteBox, QuoteCheck> Quotes { get; private init; } = new(ReferenceEqualityComparer.Instance);

    public List<RunningQuotation> Quotations { get; private init; } = [];

    public Dictionary<QuotationInline, RunningQuotation> QuotationOf { get; private init; } = new(ReferenceEqualityComparer.Instance);

    public List<Diagnostic> Diagnostics { get; private init; } = [];

    public int NumbersChecked { get; private set; }

    public int NumbersFound { get; private set; }

    // Where each text's quotations and diagnostics start in the lists (one more entry than texts: the lists' ends).
    private int[] QuotationStarts { get; }

    private int[] DiagnosticStarts { get; }

    /// <summary>Every text's checks added up, text by text.</summary>
    public static GatheredChecks Of(TextChecks[] texts)
    {
        var gathered = new GatheredChecks(texts, new int[texts.Length + 1], new int[texts.Length + 1]);
        for (var i = 0; i < texts.Length; i++)
        {
            gathered.QuotationStarts[i] = gathered.Quotations.Count;
            gathered.DiagnosticStarts[i] = gathered.Diagnostics.Count;
            gathered.Add(texts[i]);
        }

        gathered.QuotationStarts[texts.Length] = gathered.Quotations.Count;
        gathered.DiagnosticStarts[texts.Length] = gathered.Diagnostics.Count;
        return gathered;
    }

    /// <summary>
    /// The same sums for <paramref name="texts"/>, made from these: what the texts whose checks are the same objects as
    /// here added is copied as it stands (the dictionaries without hashing their keys again, the lists a run at a time),
    /// and only the changed texts' parts are taken out and put in. Equal to <see cref="Of"/> of <paramref name="texts"/>:
    /// the lists in the same order, the dictionaries with the same entries.
    /// </summary>
    public GatheredChecks Patched(TextChecks[] texts)
    {
        var patched = new GatheredChecks(texts, new int[texts.Length + 1], new int[texts.Length + 1])
        {
            Quotes = new Dictionary<QuoteBox, QuoteCheck>(Quotes, ReferenceEqualityComparer.Instance),
            QuotationOf = new Dictionary<QuotationInline, RunningQuotation>(QuotationOf, ReferenceEqualityComparer.Instance),
            Quotations = new List<RunningQuotation>(Quotations.Count),
            Diagnostics = new List<Diagnostic>(Diagnostics.Count),
            NumbersChecked = NumbersChecked,
            NumbersFound = NumbersFound,
        };

        // The changed texts' parts come out first, all of them, so that one moved from one changed text to another stays.
        for (var i = 0; i < texts.Length; i++)
        {
            if (!ReferenceEquals(texts[i], Texts[i]))
            {
                patched.Remove(Texts[i]);
            }
        }

        var run = 0; // The first text of the run of unchanged ones not yet copied.
        for (var i = 0; i <= texts.Length; i++)
        {
            if (i < texts.Length && ReferenceEquals(texts[i], Texts[i]))
            {
                continue;
            }

            // Texts run..i-1 are unchanged: their quotations and diagnostics are copied, each list in one piece.
            for (var k = run; k < i; k++)
            {
                patched.QuotationStarts[k] = patched.Quotations.Count + QuotationStarts[k] - QuotationStarts[run];
                patched.DiagnosticStarts[k] = patched.Diagnostics.Count + DiagnosticStarts[k] - DiagnosticStarts[run];
            }

            patched.Quotations.AddRange(CollectionsMarshal.AsSpan(Quotations)[QuotationStarts[run]..QuotationStarts[i]]);
            patched.Diagnostics.AddRange(CollectionsMarshal.AsSpan(Diagnostics)[DiagnosticStarts[run]..DiagnosticStarts[i]]);
            if (i < texts.Length)
            {
                patched.QuotationStarts[i] = patched.Quotations.Count;
                patched.DiagnosticStarts[i] = patched.Diagnostics.Count;
                patched.Add(texts[i]);
            }

            run = i + 1;
        }

        patched.QuotationStarts[texts.Length] = patched.Quotations.Count;
        patched.DiagnosticStarts[texts.Length] = patched.Diagnostics.Count;
        return patched;
    }

    private void Add(TextChecks text)
    {
        foreach (var (box, check) in text.Quotes)
        {
            Quotes[box] = check;
        }

        foreach (var quotation in text.Quotations)
        {
            Quotations.Add(quotation);
            if (quotation.Inline is not null)
            {
                QuotationOf[quotation.Inline] = quotation;
            }
        }

        Diagnostics.AddRange(text.Diagnostics);
        NumbersChecked += text.NumbersChecked;
        NumbersFound += text.NumbersFound;
    }

    private void Remove(TextChecks text)
    {
        foreach (var (box, _) in text.Quotes)
        {
            Quotes.Remove(box);
        }

        foreach (var quotation in text.Quotations)
        {
            if (quotation.Inline is not null)
            {
                QuotationOf.Remove(quotation.Inline);
            }
        }

        NumbersChecked -= text.NumbersChecked;
        NumbersFound -= text.NumbersFound;
    }
}
