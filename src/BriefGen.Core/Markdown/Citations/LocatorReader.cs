using System.Globalization;
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
                problem = $"paragraph locator '{Clip((label + " " + value).Trim())}' does not read as paragraph numbers: {why}";
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

    /// <summary>The end of the locator's words from <paramref name="at"/> (== at when there is none).</summary>
    private static int Words(string text, int at, int n, bool digitsOnly)
    {
        var end = Word(text, at, n, digitsOnly);
        if (end < 0)
        {
            return at;
        }

        while (true)
        {
            var next = NextWord(text, end, n, digitsOnly);
            if (next < 0)
            {
                return end;
            }

            end = next;
        }
    }

    /// <summary>A further word after <paramref name="at"/>: after ',' or ';', a space, '&amp;', 'and' or a spaced dash.</summary>
    private static int NextWord(string text, int at, int n, bool digitsOnly)
    {
        var i = at;
        if (i < n && text[i] is ',' or ';')
        {
            i = SkipSpace(text, i + 1, n);
        }
        else
        {
            var spaced = SkipSpace(text, i, n);
            if (spaced > i && spaced < n && text[spaced] is '&' or '-' or '–' or '—' && spaced + 1 < n && char.IsWhiteSpace(text[spaced + 1]))
            {
                i = SkipSpace(text, spaced + 1, n);
            }
            else if (spaced > i && string.Compare(text, spaced, "and", 0, 3, StringComparison.Ordinal) == 0 && spaced + 3 < n && char.IsWhiteSpace(text[spaced + 3]))
            {
                i = SkipSpace(text, spaced + 3, n);
            }
            else
            {
                i = spaced;
            }
        }

        var end = Word(text, i, n, digitsOnly);
        return end > i ? end : -1;
    }

    /// <summary>
    /// One locator word at <paramref name="at"/>: units and bracketed groups with no space between (<c>33-35</c>,
    /// <c>4.4.8</c>, <c>7A(2)(a)</c>, <c>[17]</c>), holding a digit or starting with a roman numeral. -1 if none.
    /// </summary>
    private static int Word(string text, int at, int n, bool digitsOnly)
    {
        var i = at;
        var digitLike = false;
        while (i < n)
        {
            var c = text[i];
            if (c is '(' or '[' or '{')
            {
                var close = Matching(text, i, n, allowSpace: false);
                if (close < 0)
                {
                    break;
                }

                digitLike |= DigitLike(text[(i + 1)..close], digitsOnly);
                i = close + 1;
                continue;
            }

            var unitEnd = i;
            while (unitEnd < n && !char.IsWhiteSpace(text[unitEnd]))
            {
                var u = text[unitEnd];
                if (u == '.' && unitEnd > i && unitEnd + 1 < n && IsUnitChar(text[unitEnd + 1]))
                {
                    unitEnd++;
                    continue;
                }

                if (!IsUnitChar(u))
                {
                    break;
                }

                unitEnd++;
            }

            if (unitEnd == i)
            {
                break;
            }

            digitLike |= DigitLike(text[i..unitEnd], digitsOnly);
            i = unitEnd;
        }

        return i > at && digitLike ? i : -1;
    }

    // Emphasis markers belong to the word (p. **32** is page 32), as Pandoc reads a locator from parsed inlines.
    private static bool IsUnitChar(char c) => !char.IsWhiteSpace(c) && (!char.IsPunctuation(c) || c is '-' or '–' or '—' or ':' or '*' or '_');

    private static bool DigitLike(string unit, bool digitsOnly)
    {
        if (unit.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            return true;
        }

        if (digitsOnly)
        {
            return false;
        }

        var first = unit.AsSpan();
        var stop = first.IndexOfAny("-–—:.");
        return Roman().IsMatch(stop < 0 ? first : first[..stop]);
    }

    /// <summary>The index of the bracket closing the one at <paramref name="open"/>, balancing (), [] and {}; -1 if none.</summary>
    private static int Matching(string text, int open, int n, bool allowSpace)
    {
        var stack = new Stack<char>();
        for (var i = open; i < n; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < n)
            {
                i++;
                continue;
            }

            if (!allowSpace && char.IsWhiteSpace(c))
            {
                return -1;
            }

            if (c is '(' or '[' or '{')
            {
                stack.Push(c is '(' ? ')' : c is '[' ? ']' : '}');
            }
            else if (c is ')' or ']' or '}')
            {
                if (stack.Count == 0 || stack.Pop() != c)
                {
                    return -1;
                }

                if (stack.Count == 0)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>Paragraph numbers: ASCII digits from 1, single or as ranges, in a list separated by ',', '&amp;' or 'and'.</summary>
    private static (IReadOnlyList<ParagraphRange>, string?) ParagraphRanges(string value)
    {
        var ranges = new List<ParagraphRange>();
        foreach (var element in ListElements(value))
        {
            var parts = element.Split(RangeDashes, 2);
            if (!ParagraphNumber(parts[0].Trim(), out var first, out var why) ||
                !ParagraphNumber(parts.Length > 1 ? parts[1].TrimStart(RangeDashes).Trim() : parts[0].Trim(), out var last, out why))
            {
                return ([], why);
            }

            if (last < first)
            {
                return ([], string.Create(CultureInfo.InvariantCulture, $"the range {first}–{last} runs backwards"));
            }

            ranges.Add(new ParagraphRange(first, last));
        }

        return ranges.Count > 0 ? (ranges, null) : ([], "no number");
    }

    private static bool ParagraphNumber(string s, out int number, out string? why)
    {
        number = 0;
        if (s.Length == 0 || !s.All(char.IsAsciiDigit))
        {
            why = $"'{Clip(s)}' is not a number in digits 0–9";
            return false;
        }

        if (s.Length > 9 || !int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            why = $"{Clip(s)} is too large for a paragraph number";
            return false;
        }

        if (number < 1)
        {
            why = "paragraphs are numbered from 1";
            return false;
        }

        why = null;
        return true;
    }

    /// <summary>Page labels as written, single or as ranges; '-' makes a range only between numbers or between roman numerals.</summary>
    private static IReadOnlyList<PageRange> PageRanges(string value)
    {
        var ranges = new List<PageRange>();
        foreach (var element in ListElements(value))
        {
            var dash = element.AsSpan().IndexOfAny("–—");
            if (dash < 0 && element.IndexOf('-', StringComparison.Ordinal) is var hyphen and > 0)
            {
                var (a, b) = (element[..hyphen].Trim(), element[(hyphen + 1)..].TrimStart('-').Trim());
                var numbers = a.All(char.IsAsciiDigit) && b.Length > 0 && b.All(char.IsAsciiDigit);
                if (numbers || (Roman().IsMatch(a) && Roman().IsMatch(b)))
                {
                    dash = hyphen;
                }
            }

            if (dash > 0)
            {
                var last = element[(dash + 1)..].TrimStart('-', '–', '—').Trim();
                ranges.Add(new PageRange(element[..dash].Trim(), last.Length > 0 ? last : element[..dash].Trim()));
            }
            else if (element.Length > 0)
            {
                ranges.Add(new PageRange(element, element));
            }
        }

        return ranges;
    }

    private static IEnumerable<string> ListElements(string value) =>
        ListSeparator().Split(value).Select(e => e.Trim()).Where(e => e.Length > 0);

    private static readonly char[] RangeDashes = ['-', '–', '—'];

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

    [GeneratedRegex(@"\s*(?:,|;|&|\band\b)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();
}
