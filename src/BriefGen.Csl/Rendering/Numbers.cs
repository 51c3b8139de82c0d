using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BriefGen.Csl.Rendering;

/// <summary>Numeric tests, ordinals, roman numerals and page ranges (CSL 1.0.2 §number, §page-range-format).</summary>
internal static partial class Numbers
{
    [GeneratedRegex(@"^\s*[\p{L}]*\d+[\p{L}]*(\s*(?:[-–,&]|and)\s*[\p{L}]*\d+[\p{L}]*)*\s*$")]
    private static partial Regex NumericRx();

    [GeneratedRegex(@"\d+\s*(?:[-–,&]|and)\s*\d+|\d+\s*[-–,&]\s*\p{L}*\d+")]
    private static partial Regex MultipleRx();

    [GeneratedRegex(@"^\s*(\p{L}*)(\d+)(\p{L}*)\s*[-–]\s*(\p{L}*)(\d+)(\p{L}*)\s*$")]
    private static partial Regex RangeRx();

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitsRx();

    public static bool IsNumeric(string? s) => s is not null && NumericRx().IsMatch(s);

    public static bool IsPlural(string s) => MultipleRx().IsMatch(s);

    public static string FirstPage(string page)
    {
        var m = DigitsRx().Match(page);
        var cut = page.IndexOfAny(['-', '–', ',', '&']);
        return cut > 0 ? page[..cut].Trim() : m.Success ? page : page;
    }

    public static string Roman(int n)
    {
        if (n <= 0 || n >= 4000) return n.ToString(CultureInfo.InvariantCulture);
        ReadOnlySpan<int> v = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] s = ["m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"];
        var sb = new StringBuilder();
        for (var i = 0; i < v.Length; i++)
            while (n >= v[i]) { sb.Append(s[i]); n -= v[i]; }
        return sb.ToString();
    }

    public static string Ordinal(int n, CslLocale loc, string? gender)
    {
        var t = OrdinalTerm(n, loc, gender, "ordinal");
        return n.ToString(CultureInfo.InvariantCulture) + (t ?? "");
    }

    public static string LongOrdinal(int n, CslLocale loc, string? gender)
    {
        if (n is >= 1 and <= 10)
        {
            var name = "long-ordinal-" + n.ToString("D2", CultureInfo.InvariantCulture);
            if (Pick(loc.Lookup(name, "long"), gender) is { } t) return t;
        }
        return Ordinal(n, loc, gender);
    }

    private static string? Pick(IReadOnlyList<CslLocale.Term>? list, string? gender)
    {
        if (list is null || list.Count == 0) return null;
        var t = list.FirstOrDefault(x => x.GenderForm == gender) ?? list.FirstOrDefault(x => x.GenderForm is null);
        return t?.Single;
    }

    private static string? OrdinalTerm(int n, CslLocale loc, string? gender, string baseName)
    {
        var two = n % 100;
        var one = n % 10;
        var t2 = loc.Lookup(baseName + "-" + two.ToString("D2", CultureInfo.InvariantCulture), "long");
        if (t2 is not null)
        {
            foreach (var t in Candidates(t2, gender))
            {
                var match = t.Match ?? (two >= 10 ? "last-two-digits" : "last-digit");
                if (match == "whole-number" && n != two) continue;
                if (match == "last-digit" && two >= 10) continue;
                return t.Single;
            }
        }
        var t1 = loc.Lookup(baseName + "-0" + one.ToString(CultureInfo.InvariantCulture), "long");
        if (t1 is not null)
        {
            foreach (var t in Candidates(t1, gender))
            {
                var match = t.Match ?? "last-digit";
                if (match == "whole-number" && n != one) continue;
                if (match == "last-two-digits" && n % 100 != one) continue;
                return t.Single;
            }
        }
        return Pick(loc.Lookup(baseName, "long"), gender);
    }

    private static IEnumerable<CslLocale.Term> Candidates(IReadOnlyList<CslLocale.Term> list, string? gender)
    {
        foreach (var t in list) if (t.GenderForm == gender) yield return t;
        if (gender is not null) foreach (var t in list) if (t.GenderForm is null) yield return t;
    }

    /// <summary>Formats a number variable: each number by the form, ranges with an en dash.</summary>
    public static string Format(string value, string form, CslLocale loc, string? gender)
    {
        if (!IsNumeric(value)) return value;
        var sb = new StringBuilder();
        var pos = 0;
        foreach (Match m in DigitsRx().Matches(value))
        {
            var between = value[pos..m.Index];
            sb.Append(Separator(between, pos == 0));
            var n = int.Parse(m.Value, CultureInfo.InvariantCulture);
            var pure = (m.Index == 0 || !char.IsLetter(value[m.Index - 1]))
                       && (m.Index + m.Length == value.Length || !char.IsLetter(value[m.Index + m.Length]));
            sb.Append(!pure ? m.Value : form switch
            {
                "ordinal" => Ordinal(n, loc, gender),
                "long-ordinal" => LongOrdinal(n, loc, gender),
                "roman" => Roman(n),
                _ => m.Value,
            });
            pos = m.Index + m.Length;
        }
        sb.Append(value[pos..]);
        return sb.ToString();
    }

    private static string Separator(string between, bool first)
    {
        if (first) return between;
        var t = between.Trim();
        if (t is "-" or "–") return "–";
        if (t == ",") return ", ";
        if (t == "&") return " & ";
        if (t == "and") return " and ";
        return between;
    }

    /// <summary>Applies <c>page-range-format</c> to each range in a page variable; hyphens between numbers become the range delimiter.</summary>
    public static string PageRange(string value, string? format, string delimiter)
    {
        var parts = value.Split(',');
        for (var i = 0; i < parts.Length; i++)
        {
            var m = RangeRx().Match(parts[i]);
            if (!m.Success) continue;
            var lead = parts[i][..(parts[i].Length - parts[i].TrimStart().Length)];
            var a = m.Groups[2].Value;
            var b = m.Groups[5].Value;
            var samePrefix = m.Groups[1].Value == m.Groups[4].Value || m.Groups[4].Value.Length == 0;
            string second;
            if (format is null || !samePrefix || m.Groups[3].Length > 0 || m.Groups[6].Length > 0)
                second = m.Groups[4].Value + b + m.Groups[6].Value;
            else
            {
                if (b.Length < a.Length) b = a[..(a.Length - b.Length)] + b;
                second = string.CompareOrdinal(b.PadLeft(10, '0'), a.PadLeft(10, '0')) <= 0 ? b : Abbreviate(a, b, format);
            }
            parts[i] = lead + m.Groups[1].Value + a + m.Groups[3].Value + delimiter + second;
        }
        return string.Join(",", parts);
    }

    private static string Abbreviate(string a, string b, string format)
    {
        if (a.Length != b.Length) return b;
        switch (format)
        {
            case "expanded":
                return b;
            case "minimal":
                return Minimal(a, b, 1);
            case "minimal-two":
                return Minimal(a, b, 2);
            case "chicago":
            case "chicago-15":
            case "chicago-16":
                var n = int.Parse(a, CultureInfo.InvariantCulture);
                if (n < 100 || n % 100 == 0) return b;
                if (n % 100 < 10) return Minimal(a, b, 1);
                if (format != "chicago-16" && a.Length == 4 && Minimal(a, b, 1).Length >= 3) return b;
                return Minimal(a, b, 2);
            default:
                return b;
        }
    }

    private static string Minimal(string a, string b, int keep)
    {
        var i = 0;
        while (i < a.Length && a[i] == b[i]) i++;
        var start = Math.Min(i, Math.Max(0, b.Length - keep));
        return b[start..];
    }
}
