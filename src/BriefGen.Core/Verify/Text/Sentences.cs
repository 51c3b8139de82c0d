namespace BriefGen.Verify.Text;

/// <summary>
/// Splits a paragraph's text into sentences (SPEC §3): a sentence ends at <c>.</c>, <c>?</c> or <c>!</c>
/// followed by a space and a capital, or at the end of the paragraph. A citation at the very end of a
/// sentence, before or after its full stop, belongs to it. Citations stand in the text as
/// <see cref="CitationMark"/>; abbreviations such as <c>U.S.</c>, <c>Mr.</c> or <c>v.</c> end no sentence.
/// </summary>
public static class Sentences
{
    /// <summary>The character that stands for a citation in the text given to <see cref="Split"/>.</summary>
    public const char CitationMark = '\uFFFC';

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "st", "jr", "sr",
        "v", "vs", "no", "nos", "art", "sec", "ch", "vol", "p", "pp", "para", "paras", "fig", "ed", "eds", "cf",
        "e.g", "i.e", "etc", "al", "inc", "corp", "co", "ltd", "dept", "est", "approx", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "d.c", "u.k", "e.u", "ct", "cir",
        "supp", "stat", "pub", "l", "ann", "rev", "op", "f", "s", "n",
    };

    /// <summary>The sentences of <paramref name="text"/>, as [Start, End) offsets, leading and trailing space trimmed.</summary>
    public static List<(int Start, int End)> Split(string text)
    {
        var sentences = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '?' or '!') || (text[i] == '.' && IsAbbreviation(text, i)))
            {
                continue;
            }

            // Closing quotes and brackets stay with the sentence they close.
            var j = i + 1;
            while (j < text.Length && text[j] is '”' or '’' or '"' or '\'' or ')' or ']')
            {
                j++;
            }

            if (j >= text.Length || !char.IsWhiteSpace(text[j]))
            {
                continue;
            }

            // Citations after the full stop belong to the sentence that ends there.
            var k = j;
            var end = j;
            while (k < text.Length && (char.IsWhiteSpace(text[k]) || text[k] == CitationMark))
            {
                if (text[k] == CitationMark)
                {
                    end = k + 1;
                }

                k++;
            }

            var next = k;
            while (next < text.Length && text[next] is '“' or '‘' or '"' or '\'' or '(' or '[')
            {
                next++;
            }

            if (next < text.Length && char.IsUpper(text[next]))
            {
                Add(start, end);
                start = k;
                i = k - 1;
            }
        }

        Add(start, text.Length);
        return sentences;

        void Add(int from, int to)
        {
            while (from < to && char.IsWhiteSpace(text[from]))
            {
                from++;
            }

            while (to > from && char.IsWhiteSpace(text[to - 1]))
            {
                to--;
            }

            if (to > from)
            {
                sentences.Add((from, to));
            }
        }
    }

    // "U.S." "Mr." "v." "J." — the word before the full stop, dots inside it kept.
    private static bool IsAbbreviation(string text, int dot)
    {
        var s = dot;
        while (s > 0 && (char.IsLetter(text[s - 1]) || (text[s - 1] == '.' && s - 1 > 0 && char.IsLetter(text[s - 2]))))
        {
            s--;
        }

        var word = text[s..dot];
        if (word.Length == 0)
        {
            return false;
        }

        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }
}
