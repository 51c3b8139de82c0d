using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace BriefGen.Load.SourceTexts.Pdf;

/// <summary>
/// The labels a PDF prints for its pages, from the catalog's <c>/PageLabels</c> number tree (PDF 32000-1
/// §12.4.2): ranges starting at a page index, each with a style (<c>D</c> 1 2 3, <c>r</c>/<c>R</c> roman,
/// <c>a</c>/<c>A</c> letters), a prefix <c>/P</c> and a first number <c>/St</c>. Without the tree, 1…N.
/// </summary>
internal static class PageLabels
{
    private const int MaxDepth = 32;

    public static IReadOnlyList<string> Of(PdfDocument document)
    {
        var count = document.NumberOfPages;
        var ranges = new SortedDictionary<int, DictionaryToken>();
        var scanner = document.Structure.TokenScanner;
        if (document.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Create("PageLabels"), out var root) &&
            DirectObjectFinder.TryGet<DictionaryToken>(root, scanner, out var tree))
        {
            Collect(tree, scanner, ranges, 0);
        }

        var labels = new string[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = (i + 1).ToString(CultureInfo.InvariantCulture);
        }

        if (ranges.Count == 0)
        {
            return labels;
        }

        var starts = ranges.Keys.ToList();
        for (var i = 0; i < count; i++)
        {
            var k = starts.FindLastIndex(s => s <= i);
            if (k < 0)
            {
                continue;
            }

            var range = ranges[starts[k]];
            labels[i] = Label(range, scanner, i - starts[k]);
        }

        return labels;
    }

    /// <summary>The label of the page <paramref name="offset"/> pages into a range.</summary>
    public static string Label(DictionaryToken range, IPdfTokenScanner scanner, int offset)
    {
        var prefix = "";
        if (range.TryGet(NameToken.Create("P"), out var p))
        {
            if (DirectObjectFinder.TryGet<StringToken>(p, scanner, out var s))
            {
                prefix = s.Data;
            }
            else if (DirectObjectFinder.TryGet<HexToken>(p, scanner, out var h))
            {
                prefix = h.Data;
            }
        }

        var start = 1;
        if (range.TryGet(NameToken.Create("St"), out var st) && DirectObjectFinder.TryGet<NumericToken>(st, scanner, out var n) && n.Int >= 1)
        {
            start = n.Int;
        }

        var style = range.TryGet(NameToken.Create("S"), out var sToken) && DirectObjectFinder.TryGet<NameToken>(sToken, scanner, out var name)
            ? name.Data
            : null;
        return prefix + Format(style, start + offset);
    }

    /// <summary>A page number in a label style: <c>D</c>, <c>R</c>, <c>r</c>, <c>A</c>, <c>a</c>; no style, no number.</summary>
    public static string Format(string? style, int number) => style switch
    {
        "D" => number.ToString(CultureInfo.InvariantCulture),
        "R" => Roman(number),
        "r" => Roman(number).ToLowerInvariant(),
        "A" => Letters(number),
        "a" => Letters(number).ToLowerInvariant(),
        _ => "",
    };

    private static void Collect(DictionaryToken node, IPdfTokenScanner scanner, SortedDictionary<int, DictionaryToken> ranges, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (node.TryGet(NameToken.Create("Nums"), out var numsToken) && DirectObjectFinder.TryGet<ArrayToken>(numsToken, scanner, out var nums))
        {
            for (var i = 0; i + 1 < nums.Length; i += 2)
            {
                if (DirectObjectFinder.TryGet<NumericToken>(nums[i], scanner, out var key) && key.Int >= 0 &&
                    DirectObjectFinder.TryGet<DictionaryToken>(nums[i + 1], scanner, out var range))
                {
                    ranges.TryAdd(key.Int, range);
                }
            }
        }

        if (node.TryGet(NameToken.Create("Kids"), out var kidsToken) && DirectObjectFinder.TryGet<ArrayToken>(kidsToken, scanner, out var kids))
        {
            foreach (var kid in kids.Data)
            {
                if (DirectObjectFinder.TryGet<DictionaryToken>(kid, scanner, out var child))
                {
                    Collect(child, scanner, ranges, depth + 1);
                }
            }
        }
    }

    private static string Roman(int number)
    {
        if (number <= 0 || number >= 4000)
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        var sb = new StringBuilder();
        foreach (var (value, numeral) in Numerals)
        {
            while (number >= value)
            {
                sb.Append(numeral);
                number -= value;
            }
        }

        return sb.ToString();
    }

    // 1 → A … 26 → Z, 27 → AA, 28 → BB … (the PDF's rule: the letter repeated).
    private static string Letters(int number) =>
        number <= 0 ? "" : number > 26 * 40 ? number.ToString(CultureInfo.InvariantCulture) : new string((char)('A' + ((number - 1) % 26)), ((number - 1) / 26) + 1);

    private static readonly (int, string)[] Numerals =
    [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ];
}
