using System.Globalization;

namespace BriefGen.Resolve;

/// <summary>
/// The one place where the ids of things inside a page are made and ordered: note marks
/// (<c>cite-2-1</c>), notes (<c>note-2</c>), quote boxes (<c>quote-1</c>) and source paragraphs (<c>p4</c>).
/// </summary>
public static class Anchors
{
    /// <summary>The mark of the <paramref name="use"/>-th use (1-based) of note <paramref name="note"/>.</summary>
    public static string Mark(int note, int use) => string.Create(CultureInfo.InvariantCulture, $"cite-{note}-{use}");

    public static string Note(int note) => string.Create(CultureInfo.InvariantCulture, $"note-{note}");

    public static string Quote(int quote) => string.Create(CultureInfo.InvariantCulture, $"quote-{quote}");

    /// <summary>The id of paragraph <paramref name="paragraph"/> on a source's page: <c>p4</c>.</summary>
    public static string Paragraph(int paragraph) =>
        paragraph is >= 0 and < KeptIds ? ParagraphIds[paragraph] ??= Id(paragraph) : Id(paragraph);

    // Every source page names each of its paragraphs: the common ids are made once per process.
    private const int KeptIds = 4096;
    private static readonly string?[] ParagraphIds = new string?[KeptIds];

    private static string Id(int paragraph) => string.Create(CultureInfo.InvariantCulture, $"p{paragraph}");

    /// <summary>The fragment that links to a paragraph: <c>#p4</c>.</summary>
    public static string ParagraphLink(int paragraph) => "#" + Paragraph(paragraph);

    /// <summary>The anchor of a page of a paginated source on its source page: <c>page-3</c>, <c>page-iv</c>.</summary>
    public static string Page(string label) => "page-" + string.Concat(label.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-'));

    /// <summary>A link to a page of a source on its source page: <c>#page-3</c>.</summary>
    public static string PageLink(string label) => "#" + Page(label);

    /// <summary>Wikipedia's back-link labels: a, b, … z, aa, ab.</summary>
    public static string BackLink(int index) =>
        index < 26 ? ((char)('a' + index)).ToString() : BackLink(index / 26 - 1) + BackLink(index % 26);

    /// <summary>Orders mark ids by their numbers: cite-2-1 before cite-10-1. Ids of another shape sort after, by text.</summary>
    public static readonly IComparer<string> MarkOrder = Comparer<string>.Create(static (a, b) =>
    {
        var (x, y) = (Numbers(a), Numbers(b));
        if (x is { } p && y is { } q)
        {
            var c = p.Note.CompareTo(q.Note);
            return c != 0 ? c : p.Use.CompareTo(q.Use);
        }

        return x is not null ? -1 : y is not null ? 1 : string.CompareOrdinal(a, b);
    });

    /// <summary>Orders quote anchors by number: quote-2 before quote-10.</summary>
    public static readonly IComparer<string> QuoteOrder = Comparer<string>.Create(static (a, b) =>
    {
        var (x, y) = (QuoteNumber(a), QuoteNumber(b));
        return x != y ? x.CompareTo(y) : string.CompareOrdinal(a, b);
    });

    private static int QuoteNumber(string id) =>
        id.StartsWith("quote-", StringComparison.Ordinal) &&
        int.TryParse(id.AsSpan("quote-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;

    private static (int Note, int Use)? Numbers(string id)
    {
        var parts = id.Split('-');
        return parts.Length == 3 && parts[0] == "cite" &&
               int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) &&
               int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            ? (n, k)
            : null;
    }
}
