using System.Collections.Frozen;
using BriefGen.Csl.Output;

namespace BriefGen.Csl.Rendering;

/// <summary>CSL text-case over an output tree, skipping <c>nocase</c> spans; title and sentence case only for English items.</summary>
internal static class TextCase
{
    /// <summary>The CSL 1.0.2 specification's English stop words for title case.</summary>
    private static readonly FrozenSet<string> StopWords = FrozenSet.Create(StringComparer.Ordinal,
        "a", "an", "and", "as", "at", "but", "by", "down", "for", "from", "in", "into", "nor", "of", "on",
        "onto", "or", "over", "so", "the", "till", "to", "up", "via", "with", "yet", "v.", "vs.");

    public static void Apply(ONode node, string textCase, bool english)
    {
        if (textCase is "title" or "sentence" && !english) return;
        var leaves = node.LeavesWithCase().ToList();
        var text = string.Concat(leaves.Select(l => l.Leaf.Text));
        var locked = new bool[text.Length];
        var pos = 0;
        foreach (var (leaf, noCase) in leaves)
        {
            if (noCase) Array.Fill(locked, true, pos, leaf.Text!.Length);
            pos += leaf.Text!.Length;
        }
        var chars = text.ToCharArray();
        switch (textCase)
        {
            case "lowercase": Map(chars, locked, char.ToLowerInvariant); break;
            case "uppercase": Map(chars, locked, char.ToUpperInvariant); break;
            case "capitalize-first": CapitalizeFirst(chars, locked); break;
            case "capitalize-all":
                foreach (var (s, e) in Words(chars)) if (!locked[s]) chars[s] = char.ToUpperInvariant(chars[s]);
                break;
            case "sentence":
                if (IsAllUpper(chars, locked)) Map(chars, locked, char.ToLowerInvariant);
                CapitalizeFirst(chars, locked);
                break;
            case "title": Title(chars, locked); break;
        }
        pos = 0;
        foreach (var (leaf, _) in leaves)
        {
            var len = leaf.Text!.Length;
            leaf.Text = new string(chars, pos, len);
            pos += len;
        }
    }

    private static void Map(char[] c, bool[] locked, Func<char, char> f)
    {
        for (var i = 0; i < c.Length; i++) if (!locked[i]) c[i] = f(c[i]);
    }

    private static bool IsAllUpper(char[] c, bool[] locked)
    {
        var any = false;
        for (var i = 0; i < c.Length; i++)
        {
            if (locked[i] || !char.IsLetter(c[i])) continue;
            if (char.IsLower(c[i])) return false;
            any = true;
        }
        return any;
    }

    private static void CapitalizeFirst(char[] c, bool[] locked)
    {
        for (var i = 0; i < c.Length; i++)
        {
            if (!char.IsLetter(c[i])) continue;
            if (!locked[i]) c[i] = char.ToUpperInvariant(c[i]);
            return;
        }
    }

    private static List<(int Start, int End)> Words(char[] c)
    {
        var words = new List<(int, int)>();
        var i = 0;
        while (i < c.Length)
        {
            while (i < c.Length && !IsWordChar(c[i])) i++;
            var s = i;
            while (i < c.Length && IsWordChar(c[i])) i++;
            if (i > s)
            {
                // Leading punctuation such as an opening quote stays outside the word.
                words.Add((s, i));
            }
        }
        return words;
    }

    private static bool IsWordChar(char ch) => char.IsLetterOrDigit(ch) || ch is '\'' or '’' or '.' or '&';

    private static void Title(char[] c, bool[] locked)
    {
        // Words already in capitals (acronyms such as U.S.C.) are kept, as citeproc-js and Pandoc's citeproc do.
        var words = Words(c);
        for (var w = 0; w < words.Count; w++)
        {
            var (s, e) = words[w];
            if (locked[s]) continue;
            var word = new string(c, s, e - s);
            var lower = word.ToLowerInvariant();
            var first = w == 0 || AfterColon(c, s);
            var last = w == words.Count - 1;
            var hyphenated = s > 0 && c[s - 1] == '-';
            if (StopWords.Contains(lower) && !first && !last && !hyphenated)
            {
                if (word.Skip(1).All(ch => !char.IsUpper(ch))) for (var i = s; i < e; i++) c[i] = char.ToLowerInvariant(c[i]);
                continue;
            }
            if (word.All(ch => !char.IsLetter(ch) || char.IsLower(ch)) && char.IsLetter(c[s]))
                c[s] = char.ToUpperInvariant(c[s]);
        }
    }

    private static bool AfterColon(char[] c, int s)
    {
        for (var i = s - 1; i >= 0; i--)
        {
            if (char.IsWhiteSpace(c[i]) || c[i] is '“' or '‘' or '"' or '(' or '[') continue;
            return c[i] is ':' or '?' or '!' && i < s - 1;
        }
        return true;
    }
}
