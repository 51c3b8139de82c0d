namespace BriefGen.Markdown.Citations;

/// <summary>Locator words: the numbers, roman numerals and labels that follow a term.</summary>
public static partial class LocatorReader
{
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
}
