using System.Globalization;
using System.Text.RegularExpressions;

namespace BriefGen.Markdown.Citations;

/// <summary>Locator values read as paragraph numbers and page labels.</summary>
public static partial class LocatorReader
{
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

    [GeneratedRegex(@"\s*(?:,|;|&|\band\b)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();
}
