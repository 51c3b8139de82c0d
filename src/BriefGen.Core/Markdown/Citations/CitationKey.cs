namespace BriefGen.Markdown.Citations;

/// <summary>
/// Citation keys as Pandoc reads them: a letter, digit or <c>_</c>, then letters, digits, <c>_</c> and single
/// internal punctuation (<c>:.#$%&amp;-+?&lt;&gt;~/</c> followed by a letter or digit), so <c>@Foo_bar.baz.</c> is
/// <c>Foo_bar.baz</c> and <c>@Foo_bar--baz</c> is <c>Foo_bar</c>; or anything without spaces in balanced braces,
/// <c>@{https://example.com/x?a=1}</c>.
/// </summary>
public static class CitationKey
{
    /// <summary>
    /// Reads a citation at <paramref name="at"/>: an optional <c>-</c>, then <c>@</c> and a key, not directly after a
    /// letter or digit (so <c>name@example.org</c> is no citation). Returns the index after the key, or -1.
    /// </summary>
    public static int Read(string text, int at, int end, out string key, out bool suppressAuthor)
    {
        key = "";
        suppressAuthor = false;
        // Not after a word ("name@example.org"), nor after an escaped character (\[@a] is written out as is).
        if ((at > 0 && IsAlphaNum(text[at - 1])) || (at > 1 && text[at - 2] == '\\' && char.IsPunctuation(text[at - 1])))
        {
            return -1;
        }

        var i = at;
        if (i < end && text[i] == '-')
        {
            suppressAuthor = true;
            i++;
        }

        if (i >= end || text[i] != '@')
        {
            return -1;
        }

        i++;
        return i < end && text[i] == '{' ? Braced(text, i, end, out key) : Simple(text, i, end, out key);
    }

    private static int Simple(string text, int start, int end, out string key)
    {
        key = "";
        if (start >= end || !(IsAlphaNum(text[start]) || text[start] == '_'))
        {
            return -1;
        }

        var i = start + 1;
        while (i < end)
        {
            var c = text[i];
            if (IsRegular(c))
            {
                i++;
            }
            else if (i + 1 < end && (":.#$%&-+?<>~/".Contains(c, StringComparison.Ordinal) && IsRegular(text[i + 1]) ||
                                     c is ':' or '/' && text[i + 1] == '/'))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        key = text[start..i];
        return i;
    }

    private static int Braced(string text, int open, int end, out string key)
    {
        key = "";
        var depth = 0;
        for (var i = open; i < end; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                return -1;
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                key = text[(open + 1)..i];
                return i + 1;
            }
        }

        return -1;
    }

    private static bool IsRegular(char c) => IsAlphaNum(c) || c == '_';

    /// <summary>A letter or number in any script, as Haskell's <c>isAlphaNum</c>.</summary>
    internal static bool IsAlphaNum(char c) => char.IsLetter(c) || char.IsNumber(c);
}
