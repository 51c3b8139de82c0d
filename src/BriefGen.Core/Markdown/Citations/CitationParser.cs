using BriefGen.Diagnostics;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BriefGen.Markdown.Citations;

/// <summary>
/// Parses Pandoc citations: bracketed <c>[@a]</c>, <c>[see @a, ¶3; @b, p. 12]</c>, <c>[-@a]</c>, and in-text
/// <c>@a</c>, <c>-@a</c>, <c>@a [p. 33]</c>. A bracket followed by <c>(</c> or <c>[</c> stays a link, <c>[^</c> a
/// footnote; <c>\[@a]</c>, <c>\@a</c> and <c>name@example.org</c> are never citations. The grammar itself is
/// <see cref="CitationReader"/>'s; this class turns what it reads into a positioned <see cref="CitationInline"/>.
/// </summary>
public sealed class CitationParser : InlineParser
{
    public CitationParser()
    {
        OpeningCharacters = ['[', '@', '-', '!'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        var end = slice.End + 1;
        if (text[start] == '!')
        {
            // "Wow![@a]" is an exclamation and a citation, not an image: leave the '!' as text, read the bracket next.
            if (start + 1 >= end || text[start + 1] != '[' || Bracketed(text, start + 1, end) is null)
            {
                return false;
            }

            processor.Inline = new LiteralInline("!")
            {
                Span = new SourceSpan(processor.GetSourcePosition(start, out var l, out var c), processor.GetSourcePosition(start)),
                Line = l,
                Column = c,
            };
            slice.Start = start + 1;
            return true;
        }

        var read = text[start] == '[' ? Bracketed(text, start, end) : InText(text, start, end, processor.Document);
        if (read is not var (items, stop))
        {
            return false;
        }

        var position = processor.GetSourcePosition(start, out var line, out var column);
        var problems = new List<CitationProblem>();
        var positioned = new List<CitationItem>(items.Count);
        foreach (var read1 in items)
        {
            processor.GetSourcePosition(read1.At, out var itemLine, out var itemColumn);
            positioned.Add(read1.Item with { Line = itemLine, Column = itemColumn });
            if (read1.Reading.Problem is { } problem)
            {
                processor.GetSourcePosition(read1.SuffixStart + read1.Reading.ProblemOffset, out var l, out var c);
                problems.Add(new CitationProblem(DiagnosticCodes.MalformedCitation, problem, l, c));
            }

            foreach (var nested in read1.Item.NestedKeys)
            {
                processor.GetSourcePosition(nested, out var l, out var c);
                var key = text[nested..].Split([' ', ']', ';', ',', '\n'], 2)[0];
                problems.Add(new CitationProblem(DiagnosticCodes.NestedCitation,
                    $"'{key}' stands inside the prefix or suffix of @{read1.Item.Key}; separate cited items with ';' ([@a, ¶1; @b, ¶2])", l, c));
            }
        }

        processor.Inline = new CitationInline
        {
            Items = positioned,
            Problems = problems,
            Source = text[start..stop],
            Span = new SourceSpan(position, position + stop - start - 1),
            Line = line,
            Column = column,
        };
        slice.Start = stop;
        return true;
    }

    /// <summary><c>[…]</c> at <paramref name="open"/>: its items and the index after the bracket, or null.</summary>
    private static (List<ReadItem>, int)? Bracketed(string text, int open, int end)
    {
        if (open + 1 < end && text[open + 1] == '^')
        {
            return null;
        }

        var close = CitationReader.Closing(text, open, end);
        if (close < 0 || IsLinkAfter(text, close + 1, end))
        {
            return null;
        }

        return CitationReader.Items(text, open + 1, close) is { } items ? (items, close + 1) : null;
    }

    /// <summary>
    /// <c>@a</c> or <c>-@a</c> at <paramref name="at"/>, with the bracket that may follow after spaces and at most one
    /// line break: <c>@a [p. 33]</c>, <c>@a [@b; @c]</c>; not a bracket that is a defined link reference.
    /// </summary>
    private static (List<ReadItem>, int)? InText(string text, int at, int end, MarkdownDocument document)
    {
        var keyEnd = CitationKey.Read(text, at, end, out var key, out var suppress);
        if (keyEnd < 0)
        {
            return null;
        }

        var first = new CitationItem(key, suppress ? CitationMode.SuppressAuthor : CitationMode.AuthorInText, "", Locator.None, "");
        var none = LocatorReader.Read("");
        var items = new List<ReadItem> { new(first, suppress ? at + 1 : at, keyEnd, none) };

        var open = SkipLineSpace(text, keyEnd, end);
        if (open < end && text[open] == '[' && (open + 1 >= end || text[open + 1] != '^'))
        {
            var close = CitationReader.Closing(text, open, end);
            // "@a [ruling]" with "[ruling]: https://…" defined is a citation and a reference link, as in Pandoc.
            if (close > 0 && !IsLinkAfter(text, close + 1, end) &&
                !document.TryGetLinkReferenceDefinition(text[(open + 1)..close], out _) &&
                CitationReader.AfterInText(text, open + 1, close) is var (suffix, suffixStart, more))
            {
                if (suffix is not null)
                {
                    items[0] = new ReadItem(first with
                    {
                        Locator = suffix.Locator,
                        Suffix = suffix.Suffix,
                        SuffixAsWritten = suffix.SuffixAsWritten,
                    }, items[0].At, suffixStart, suffix);
                }

                items.AddRange(more);
                return (items, close + 1);
            }
        }

        return (items, keyEnd);
    }

    private static bool IsLinkAfter(string text, int i, int end) => i < end && text[i] is '(' or '[';

    /// <summary>Skips spaces and tabs and at most one line break.</summary>
    private static int SkipLineSpace(string text, int i, int end)
    {
        var newline = false;
        while (i < end && (text[i] is ' ' or '\t' || (!newline && text[i] == '\n')))
        {
            newline |= text[i] == '\n';
            i++;
        }

        return i;
    }
}
