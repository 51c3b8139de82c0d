using System.Text;
using System.Text.RegularExpressions;

namespace BriefGen.Verify;

/// <summary>
/// One word of a quotation as matching sees it: plain (<c>the</c>) or altered by brackets joined to it
/// (<c>[T]he</c>, <c>parent[s]</c>), which match the source's word however its letters differ inside
/// the brackets (SPEC §3).
/// </summary>
public readonly record struct QuoteWord(string Written, string[] Parts)
{
    /// <summary>Whether the word holds an alteration.</summary>
    public bool IsAltered => Parts.Length > 1;

    /// <summary>The lowercase word, for a plain word.</summary>
    public string Text => Parts[0];

    /// <summary>Whether a source word (lowercase) is this word: equal, or for an alteration, its fixed parts in order.</summary>
    public bool Matches(string sourceWord)
    {
        if (!IsAltered)
        {
            return sourceWord == Parts[0];
        }

        var first = Parts[0];
        var last = Parts[^1];
        if (!sourceWord.StartsWith(first, StringComparison.Ordinal) || !sourceWord.EndsWith(last, StringComparison.Ordinal) ||
            sourceWord.Length < first.Length + last.Length)
        {
            return false;
        }

        var at = first.Length;
        var end = sourceWord.Length - last.Length;
        for (var i = 1; i < Parts.Length - 1; i++)
        {
            var found = sourceWord.IndexOf(Parts[i], at, end - at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + Parts[i].Length;
        }

        return true;
    }

    public override string ToString() => Written;
}

/// <summary>Splits a quotation into its parts between elisions, each as its words (SPEC §3).</summary>
public static partial class QuoteWords
{
    // Stands for the letters inside a bracket joined to a word; never occurs in text.
    private const char Altered = '\u0001';

    /// <summary>
    /// The quotation's parts between elisions (<c>…</c>, <c>...</c>, <c>[…]</c>), each as its words:
    /// standalone <c>[insertions]</c> and <c>[sic]</c> are skipped, brackets joined to a word are alterations.
    /// </summary>
    public static List<List<QuoteWord>> Segments(string quote)
    {
        var segments = new List<List<QuoteWord>>();
        foreach (var part in Elision().Split(quote))
        {
            var words = Of(part);
            if (words.Count > 0)
            {
                segments.Add(words);
            }
        }

        return segments;
    }

    /// <summary>How many words a quotation has, elisions and insertions aside.</summary>
    public static int Count(string quote) => Segments(quote).Sum(s => s.Count);

    private static List<QuoteWord> Of(string part)
    {
        var marked = Bracket().Replace(part, m =>
        {
            var joinedBefore = m.Index > 0 && IsWordChar(part[m.Index - 1]);
            var after = m.Index + m.Length;
            var joinedAfter = after < part.Length && IsWordChar(part[after]);
            return joinedBefore || joinedAfter ? Altered + m.Value[1..^1].Replace(' ', '_') + Altered : " ";
        });

        var words = new List<QuoteWord>();
        var i = 0;
        while (i < marked.Length)
        {
            if (!IsWordChar(marked[i]) && marked[i] != Altered)
            {
                i++;
                continue;
            }

            var start = i;
            var inside = false;
            while (i < marked.Length && (inside || IsWordChar(marked[i]) || marked[i] == Altered))
            {
                inside ^= marked[i] == Altered;
                i++;
            }

            words.Add(Word(marked[start..i]));
        }

        return words;
    }

    private static QuoteWord Word(string token)
    {
        if (token.IndexOf(Altered) < 0)
        {
            var lower = token.ToLowerInvariant();
            return new QuoteWord(token, [lower]);
        }

        var parts = new List<string>();
        var written = new StringBuilder();
        var current = new StringBuilder();
        var inside = false;
        foreach (var c in token)
        {
            if (c == Altered)
            {
                written.Append(inside ? ']' : '[');
                if (!inside)
                {
                    parts.Add(current.ToString().ToLowerInvariant());
                    current.Clear();
                }

                inside = !inside;
                continue;
            }

            written.Append(c == '_' && inside ? ' ' : c);
            if (!inside)
            {
                current.Append(c);
            }
        }

        parts.Add(current.ToString().ToLowerInvariant());
        return new QuoteWord(written.ToString(), [.. parts]);
    }

    internal static bool IsWordChar(char c) => Words.IsWordChar(c);

    [GeneratedRegex(@"\[\s*(?:…|\.\.\.)\s*\]|…|\.\.\.")]
    private static partial Regex Elision();

    [GeneratedRegex(@"\[[^\[\]]*\]")]
    private static partial Regex Bracket();
}
