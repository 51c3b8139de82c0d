using Markdig.Helpers;
using Markdig.Parsers;

namespace BriefGen.Markdown.Citations;

/// <summary>
/// Parses <c>[@key]</c>, <c>[@key, ¶4]</c>, <c>[see @a, ¶¶4–6; @b, p. 12]</c>. Strict: the bracket must
/// close on the same paragraph, every item needs an <c>@key</c> right after a space, ';' or the bracket,
/// and a bracket followed by <c>(</c> or <c>[</c> stays a link. <c>\[@x]</c> and <c>user@example.org</c>
/// are never citations.
/// </summary>
public sealed class CitationParser : InlineParser
{
    public CitationParser()
    {
        OpeningCharacters = ['['];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var open = slice.Start;
        var close = -1;
        for (var i = open + 1; i <= slice.End; i++)
        {
            var c = text[i];
            if (c == ']')
            {
                close = i;
                break;
            }

            if (c == '[' || (c == '\\' && i < slice.End && text[i + 1] is '[' or ']'))
            {
                return false;
            }
        }

        if (close < 0 || (close < slice.End && text[close + 1] is '(' or '['))
        {
            return false;
        }

        var content = text.Substring(open + 1, close - open - 1);
        if (Read(content) is not var (items, malformed))
        {
            return false;
        }

        var start = processor.GetSourcePosition(open, out var line, out var column);
        processor.Inline = new CitationInline
        {
            Items = items,
            Malformed = malformed,
            Source = text.Substring(open, close - open + 1),
            Span = new Markdig.Syntax.SourceSpan(start, start + close - open),
            Line = line,
            Column = column,
        };
        slice.Start = close + 1;
        return true;
    }

    /// <summary>Reads the inside of the brackets; null when it is not a citation at all.</summary>
    internal static (List<CitationItem>, List<(string, int)>)? Read(string content)
    {
        var items = new List<CitationItem>();
        var malformed = new List<(string, int)>();
        var offset = 0;
        foreach (var part in content.Split(';'))
        {
            var at = FindKeyStart(part);
            if (at < 0)
            {
                return null;
            }

            var keyEnd = at + 1;
            while (keyEnd < part.Length && IsKeyChar(part[keyEnd]))
            {
                keyEnd++;
            }

            // Keys end before trailing punctuation such as "@seed." in free text.
            while (keyEnd > at + 1 && part[keyEnd - 1] is '.' or ':' or '-')
            {
                keyEnd--;
            }

            if (keyEnd == at + 1)
            {
                return null;
            }

            var key = part[(at + 1)..keyEnd];
            var rest = part[keyEnd..];
            var prefix = part[..at].TrimEnd().TrimEnd('-').Trim();
            Locator locator = Locator.None;
            var suffix = "";
            if (rest.Trim().Length > 0)
            {
                if (!rest.TrimStart().StartsWith(','))
                {
                    return null;
                }

                var locatorText = rest.TrimStart()[1..];
                if (Locator.Parse(locatorText) is var (l, s))
                {
                    (locator, suffix) = (l, s);
                }
                else
                {
                    malformed.Add((locatorText.Trim(), offset + keyEnd + 1));
                }
            }

            items.Add(new CitationItem(prefix, key, locator, suffix, offset + at));
            offset += part.Length + 1;
        }

        return items.Count > 0 ? (items, malformed) : null;
    }

    /// <summary>The '@' that starts a key: first in the item or after white space or '-', followed by a key character.</summary>
    private static int FindKeyStart(string part)
    {
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] != '@')
            {
                continue;
            }

            var before = i == 0 ? ' ' : part[i - 1];
            var startsKey = i + 1 < part.Length && char.IsAsciiLetterOrDigit(part[i + 1]);
            if ((char.IsWhiteSpace(before) || before == '-') && startsKey)
            {
                return i;
            }

            return -1;
        }

        return -1;
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':';
}
