using System.Text.RegularExpressions;

namespace BriefGen.Markdown.Citations;

/// <summary>
/// A locator read from what follows a citation key: the locator, the suffix after it, and, when a paragraph or
/// page locator does not read as numbers or labels, what is wrong and where (an offset into the text read).
/// </summary>
public sealed record LocatorReading(Locator Locator, string Suffix, string SuffixAsWritten, string? Problem = null, int ProblemOffset = 0);

/// <summary>
/// Reads a locator the way Pandoc's citeproc does: after an optional comma, either a braced locator
/// (<c>{pp. iv, vi-xi}</c>, braces removed) or a term (<c>pp.</c>, <c>¶¶</c>, <c>chapter</c>) followed by words
/// that hold digits or roman numerals (<c>33-35, 38</c>, <c>xi</c>, <c>A-3</c>); without a term, words with digits
/// are pages. The first word that reads as neither ends the locator; the rest is the suffix.
/// BriefGen also reads <c>&amp;</c>, <c>and</c> and a spaced dash between numbers (<c>¶¶4 and 6</c>, <c>¶¶4 – 6</c>).
/// </summary>
public static partial class LocatorReader
{
    /// <summary>Reads the locator at the start of <paramref name="text"/>, the Markdown written after the key.</summary>
    public static LocatorReading Read(string text)
    {
        var n = text.Length;
        var i = SkipSpace(text, 0, n);
        if (i < n && text[i] == ',')
        {
            i = SkipSpace(text, i + 1, n);
        }

        if (i < n && text[i] == '{' && Braced(text, i, n) is { } braced)
        {
            return braced;
        }

        var labelLength = LocatorTerms.Match(text, i, n, out var term);
        if (labelLength > 0)
        {
            var valueStart = SkipSpace(text, i + labelLength, n);
            var digitsOnly = term == LocatorTerm.Paragraph;
            var valueEnd = Words(text, valueStart, n, digitsOnly);
            if (valueEnd > valueStart)
            {
                return Make(term, text[i..(i + labelLength)], text[valueStart..valueEnd], text, valueEnd, valueStart);
            }

            if (term is LocatorTerm.Paragraph or LocatorTerm.Page)
            {
                var what = term == LocatorTerm.Paragraph ? "paragraph numbers in digits 0–9" : "page numbers";
                return NoLocator(text) with
                {
                    Problem = $"locator '{Clip(text[i..].Trim())}' has no {what} that can be read (write, for example, "
                        + (term == LocatorTerm.Paragraph ? "¶4, ¶¶4–6 or paras. 4, 7" : "p. 12, pp. 12–14 or p. iv") + ")",
                    ProblemOffset = i,
                };
            }
        }

        var end = Words(text, i, n, digitsOnly: true);
        return end > i ? Make(LocatorTerm.Page, "", text[i..end], text, end, i) : NoLocator(text);
    }

    private static LocatorReading? Braced(string text, int open, int n)
    {
        var close = Matching(text, open, n, allowSpace: true);
        if (close < 0)
        {
            return null;
        }

        var inner = text[(open + 1)..close];
        var at = SkipSpace(inner, 0, inner.Length);
        var labelLength = LocatorTerms.Match(inner, at, inner.Length, out var term);
        var label = inner[at..(at + labelLength)];
        var value = inner[(at + labelLength)..].Trim();
        if (labelLength == 0)
        {
            term = value.Length > 0 && char.IsAsciiDigit(value[0]) ? LocatorTerm.Page : LocatorTerm.Unlabeled;
        }

        if (label.Length == 0 && value.Length == 0)
        {
            return NoLocator(text[(close + 1)..]);
        }

        return Make(term, label, value, text, close + 1, open + 1 + at + labelLength);
    }

    private static LocatorReading Make(LocatorTerm term, string label, string value, string text, int end, int valueOffset)
    {
        var rest = text[end..];
        value = Emphasis().Replace(value, "");
        var locator = new Locator(term, label.Trim(), value);
        string? problem = null;
        if (term == LocatorTerm.Paragraph)
        {
            var (ranges, why) = ParagraphRanges(value);
            if (why is null)
            {
                locator = locator with { Paragraphs = ranges };
            }
            else
            {
                var written = label.Length > 0 && char.IsLetter(label[^1]) ? label + " " + value : label.Trim() + value;
                problem = $"paragraph locator '{Clip(written.Trim())}' does not read as paragraph numbers: {why}";
            }
        }
        else if (term == LocatorTerm.Page)
        {
            locator = locator with { Pages = PageRanges(value) };
        }

        return new LocatorReading(locator, CleanSuffix(rest), rest, problem, valueOffset);
    }

    private static LocatorReading NoLocator(string text) => new(Locator.None, CleanSuffix(text), text);

    /// <summary>The suffix as notes show it: trimmed, white space made single spaces, without the comma that separates it from the locator.</summary>
    private static string CleanSuffix(string rest)
    {
        var s = Spaces().Replace(rest, " ").Trim();
        return s.StartsWith(',') ? s[1..].TrimStart() : s;
    }

    private static int SkipSpace(string text, int i, int n)
    {
        while (i < n && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";

    [GeneratedRegex(@"^(?=[MDCLXVI])M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Roman();

    [GeneratedRegex(@"[*_]+")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

}
