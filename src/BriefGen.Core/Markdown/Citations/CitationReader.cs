using System.Text.RegularExpressions;

namespace BriefGen.Markdown.Citations;

/// <summary>One item as read, before positions become lines and columns: <paramref name="At"/> is the index of its <c>@</c>.</summary>
public sealed record ReadItem(CitationItem Item, int At, int SuffixStart, LocatorReading Reading);

/// <summary>
/// Pandoc's citation grammar over the Markdown text of one paragraph, by character index: items separated by
/// <c>;</c>, each a prefix, a key and a suffix holding the locator. Nested brackets, code spans and backslash
/// escapes are skipped whole, so <c>[@a, p. 3 [n. 4]]</c> is one citation and <c>\@</c> never starts a key.
/// </summary>
public static partial class CitationReader
{
    /// <summary>The longest bracket read as a citation, in characters.</summary>
    public const int MaxLength = 4000;

    /// <summary>
    /// The index of the <c>]</c> that closes the bracket at <paramref name="open"/> (nested brackets balanced,
    /// escapes and code spans skipped), or -1 when it does not close before <paramref name="end"/>.
    /// </summary>
    public static int Closing(string text, int open, int end)
    {
        // A citation is a few lines at most; the bound keeps a paragraph of thousands of '[' linear.
        end = Math.Min(end, open + MaxLength);
        var depth = 0;
        for (var i = open; i < end; i = Next(text, i, end))
        {
            if (text[i] == '[')
            {
                depth++;
            }
            else if (text[i] == ']' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Reads the inside of a bracketed citation, <paramref name="start"/> to <paramref name="end"/>: items, each with a
    /// key. Null when it is not a citation (an item without a key, an empty item).
    /// </summary>
    public static List<ReadItem>? Items(string text, int start, int end, CitationMode mode = CitationMode.Normal)
    {
        var items = new List<ReadItem>();
        foreach (var (from, to) in Parts(text, start, end))
        {
            if (Item(text, from, to, mode) is not { } item)
            {
                return null;
            }

            items.Add(item);
        }

        return items.Count > 0 ? items : null;
    }

    /// <summary>
    /// Reads the bracket after an in-text key (<c>@a [p. 33]</c>, <c>@a [p. 30; see also @b]</c>, <c>@a [@b]</c>):
    /// the first item, when it has no key of its own, is the in-text item's suffix. Null when it is no citation.
    /// </summary>
    public static (LocatorReading? Suffix, int SuffixStart, List<ReadItem> More)? AfterInText(string text, int start, int end)
    {
        if (Items(text, start, end) is { } all)
        {
            return (null, 0, all);
        }

        var parts = Parts(text, start, end).ToList();
        var more = new List<ReadItem>();
        foreach (var (from, to) in parts.Skip(1))
        {
            if (Item(text, from, to, CitationMode.Normal) is not { } item)
            {
                return null;
            }

            more.Add(item);
        }

        var (first, firstEnd) = parts[0];
        return (LocatorReader.Read(text[first..firstEnd]), first, more);
    }

    private static ReadItem? Item(string text, int from, int to, CitationMode mode)
    {
        var depth = 0;
        for (var i = from; i < to; i = Next(text, i, to))
        {
            depth += text[i] == '[' ? 1 : text[i] == ']' ? -1 : 0;
            if (depth != 0 || text[i] is not ('@' or '-'))
            {
                continue;
            }

            var keyEnd = CitationKey.Read(text, i, to, out var key, out var suppress);
            if (keyEnd < 0)
            {
                continue;
            }

            var at = suppress ? i + 1 : i;
            var reading = LocatorReader.Read(text[keyEnd..to]);
            var nested = Keys(text, from, i).Concat(Keys(text, keyEnd, to)).ToList();
            var item = new CitationItem(key, suppress ? CitationMode.SuppressAuthor : mode, Collapse(text[from..i]),
                reading.Locator, Collapse(reading.Suffix))
            {
                SuffixAsWritten = Collapse(reading.SuffixAsWritten, trim: false),
                NestedKeys = nested,
            };
            return new ReadItem(item, at, keyEnd, reading);
        }

        return null;
    }

    /// <summary>The indexes of the <c>@</c> of every key between <paramref name="from"/> and <paramref name="to"/>, at any depth.</summary>
    internal static IEnumerable<int> Keys(string text, int from, int to)
    {
        for (var i = from; i < to; i = Next(text, i, to))
        {
            if (text[i] is '@' or '-' && CitationKey.Read(text, i, to, out _, out var suppress) > 0)
            {
                yield return suppress ? i + 1 : i;
            }
        }
    }

    /// <summary>The items of a citation: the text between top-level semicolons.</summary>
    private static IEnumerable<(int From, int To)> Parts(string text, int start, int end)
    {
        var from = start;
        var depth = 0;
        for (var i = start; i < end; i = Next(text, i, end))
        {
            switch (text[i])
            {
                case '[':
                    depth++;
                    break;
                case ']':
                    depth--;
                    break;
                case ';' when depth == 0:
                    yield return (from, i);
                    from = i + 1;
                    break;
            }
        }

        yield return (from, end);
    }

    /// <summary>The index after the character at <paramref name="i"/>, skipping a backslash escape or a whole code span.</summary>
    private static int Next(string text, int i, int end)
    {
        if (text[i] == '\\')
        {
            return Math.Min(i + 2, end);
        }

        if (text[i] != '`')
        {
            return i + 1;
        }

        var run = 1;
        while (i + run < end && text[i + run] == '`')
        {
            run++;
        }

        for (var j = i + run; j < end; j++)
        {
            if (text[j] != '`')
            {
                continue;
            }

            var close = 1;
            while (j + close < end && text[j + close] == '`')
            {
                close++;
            }

            if (close == run)
            {
                return j + close;
            }

            j += close - 1;
        }

        return i + run;
    }

    private static string Collapse(string s, bool trim = true)
    {
        var collapsed = Spaces().Replace(s, " ");
        return trim ? collapsed.Trim() : collapsed;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
