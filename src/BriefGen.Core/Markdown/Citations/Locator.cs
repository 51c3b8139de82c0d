using System.Globalization;

namespace BriefGen.Markdown.Citations;

/// <summary>What part of a source a citation points at, as the checks see it.</summary>
public enum LocatorKind
{
    /// <summary>No locator: the source as a whole.</summary>
    None,

    /// <summary>Paragraphs of the source text, read as numbers: ¶4, ¶¶4–6, para. 4, paragraphs 4 and 6.</summary>
    Paragraph,

    /// <summary>Pages, read as labels: p. 12, pp. iv–vi, pages .</summary>
    Page,

    /// <summary>Any other term (sec. 3, chap. 2, vol. 1) or a braced locator without a term: kept as written, not pinned.</summary>
    Text,
}

/// <summary>A run of paragraphs, 1-based and inclusive: ¶4 is (4, 4), ¶¶4–6 is (4, 6).</summary>
public readonly record struct ParagraphRange(int First, int Last);

/// <summary>A run of pages by their labels, inclusive: p. 12 is ("12", "12"), pp. iv–vi is ("iv", "vi").</summary>
public readonly record struct PageRange(string First, string Last);

/// <summary>
/// A CSL locator: the term (<see cref="LocatorTerm"/>), the label as written (<c>pp.</c>, <c>¶¶</c>, <c>section</c>),
/// and the value as written with any braces removed (<c>33-35, 38</c>). Paragraph and page locators whose values
/// read as numbers or page labels carry them as ranges and are <see cref="IsPinned"/>: a check can find the place.
/// </summary>
public sealed record Locator
{
    public static readonly Locator None = new(LocatorTerm.None, "", "");

    public Locator(LocatorTerm term, string label, string value)
    {
        Term = term;
        Label = label;
        Value = value;
    }

    public LocatorTerm Term { get; }

    /// <summary>The term as written: <c>pp.</c>, <c>¶¶</c>, <c>paragraph</c>; empty when the term was implied.</summary>
    public string Label { get; }

    /// <summary>The value as written, braces removed: <c>33-35, 38</c>, <c>iv, vi-xi</c>.</summary>
    public string Value { get; }

    /// <summary>For a paragraph locator, the paragraphs it names, in the order written; empty otherwise.</summary>
    public IReadOnlyList<ParagraphRange> Paragraphs { get; init; } = [];

    /// <summary>For a page locator, the pages it names, in the order written; empty otherwise.</summary>
    public IReadOnlyList<PageRange> Pages { get; init; } = [];

    /// <summary>Whether the locator names paragraphs or pages that a check can find.</summary>
    public bool IsPinned => Paragraphs.Count > 0 || Pages.Count > 0;

    /// <summary>CSL-JSON's <c>label</c>: <c>page</c>, <c>paragraph</c>, <c>sub-verbo</c>; empty without a term.</summary>
    public string CslLabel => LocatorTerms.CslName(Term);

    /// <summary>How the checks see it: paragraphs, pages, other text, or none.</summary>
    public LocatorKind Kind => Term switch
    {
        LocatorTerm.None => LocatorKind.None,
        LocatorTerm.Paragraph when Paragraphs.Count > 0 => LocatorKind.Paragraph,
        LocatorTerm.Page when Pages.Count > 0 => LocatorKind.Page,
        _ => LocatorKind.Text,
    };

    /// <summary>Whether this locator names source paragraphs that can be checked.</summary>
    public bool IsParagraphs => Paragraphs.Count > 0;

    /// <summary>The first paragraph of the first range; for a numbered page locator the first page; else 0.</summary>
    public int Start => Paragraphs.Count > 0 ? Paragraphs[0].First : PageNumber(p => p.First);

    /// <summary>The last paragraph of the first range; for a numbered page locator the last page of the first range; else 0.</summary>
    public int End => Paragraphs.Count > 0 ? Paragraphs[0].Last : PageNumber(p => p.Last);

    /// <summary>Whether paragraph <paramref name="paragraph"/> is among those this locator names.</summary>
    public bool Covers(int paragraph) => Paragraphs.Any(r => r.First <= paragraph && paragraph <= r.Last);

    /// <summary>One locator per paragraph range, so each cited passage is checked on its own.</summary>
    public IEnumerable<Locator> EachRange() => Paragraphs.Count <= 1
        ? [this]
        : Paragraphs.Select(r => this with { Paragraphs = [r] });

    /// <summary>A paragraph locator for ¶<paramref name="first"/>–¶<paramref name="last"/>.</summary>
    public static Locator ForParagraphs(int first, int last) =>
        new(LocatorTerm.Paragraph, first == last ? "¶" : "¶¶", first == last
            ? first.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{first}–{last}"))
        {
            Paragraphs = [new ParagraphRange(first, last)],
        };

    /// <summary>
    /// How a note shows it, Chicago style: ¶4, ¶¶4–6, p. 12, pp. 12–14, pp. 33–35, 38; other terms by their
    /// short form (sec. 3, chaps. 2–3); a braced locator without a term as written.
    /// </summary>
    public string Display
    {
        get
        {
            if (Paragraphs.Count > 0)
            {
                var plural = Paragraphs.Count > 1 || Paragraphs[0].First != Paragraphs[0].Last;
                return (plural ? "¶¶" : "¶") + string.Join(", ", Paragraphs.Select(r => r.First == r.Last
                    ? r.First.ToString(CultureInfo.InvariantCulture)
                    : string.Create(CultureInfo.InvariantCulture, $"{r.First}–{r.Last}")));
            }

            if (Pages.Count > 0)
            {
                var plural = Pages.Count > 1 || Pages[0].First != Pages[0].Last;
                return (plural ? "pp. " : "p. ") + string.Join(", ", Pages.Select(r => r.First == r.Last ? r.First : r.First + "–" + r.Last));
            }

            return Term switch
            {
                LocatorTerm.None => "",
                LocatorTerm.Unlabeled => Value,
                _ when LocatorTerms.ShortForm(Term, LooksPlural(Value)) is { Length: > 0 } form =>
                    form is "¶" or "¶¶" or "§" or "§§" ? form + Value : form + " " + Value,
                _ => Value,
            };
        }
    }

    private int PageNumber(Func<PageRange, string> side) =>
        Pages.Count > 0 && int.TryParse(side(Pages[0]), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static bool LooksPlural(string value) =>
        value.AsSpan().IndexOfAny("-–—,&") >= 0 || value.Contains(" and ", StringComparison.Ordinal);
}
