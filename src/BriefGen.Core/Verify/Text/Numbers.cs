using System.Text.RegularExpressions;

namespace BriefGen.Verify.Text;

/// <summary>A number written in a sentence: where it stands, as written, and the part that must be in the source.</summary>
public readonly record struct WrittenNumber(int Start, int End, string Written, string Value);

/// <summary>
/// Finds the numbers of a sentence (SPEC §3): digits with <c>,</c> or <c>.</c> separators (<c>470,000</c>,
/// <c>1.5</c>), with <c>%</c>, <c>percent</c> or a unit joined by a hyphen (<c>20-day</c>), and scores such as
/// <c>2-1</c>. Digits inside a word (<c>H1N1</c>, <c>COVID-19</c>) are names, not numbers.
/// </summary>
public static partial class Numbers
{
    /// <summary>Every number in <paramref name="text"/>, in order.</summary>
    public static List<WrittenNumber> Find(string text)
    {
        var numbers = new List<WrittenNumber>();
        foreach (Match m in Number().Matches(text))
        {
            var value = m.Groups["value"].Value;
            numbers.Add(new WrittenNumber(m.Index, m.Index + m.Length, m.Value, value));
        }

        return numbers;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}_.,‐‑–-])(?<value>\p{Nd}+(?:[.,]\p{Nd}+)*(?:\s?[‐‑–-]\s?\p{Nd}+(?:[.,]\p{Nd}+)*)?)(?:\s?(?:%|percent\b|per\s+cent\b)|[‐‑-]\p{L}+)?(?![\p{Nd}])")]
    private static partial Regex Number();
}
