using Markdig.Helpers;
using Markdig.Parsers;

namespace BriefGen.Markdown.WikiLinks;

/// <summary>Parses <c>[[id]]</c> and <c>[[id|label]]</c> on one line; anything else is left to the other parsers.</summary>
public sealed class WikiLinkParser : InlineParser
{
    public WikiLinkParser()
    {
        OpeningCharacters = ['['];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        if (start + 1 > slice.End || text[start + 1] != '[')
        {
            return false;
        }

        var close = text.IndexOf("]]", start + 2, slice.End - start - 1, StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }

        var inner = text.Substring(start + 2, close - start - 2);
        if (inner.Length == 0 || inner.Contains('\n', StringComparison.Ordinal) || inner.Contains('[', StringComparison.Ordinal))
        {
            return false;
        }

        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        var id = (bar < 0 ? inner : inner[..bar]).Trim();
        var label = bar < 0 ? null : inner[(bar + 1)..].Trim();
        if (id.Length == 0 || id.Any(char.IsWhiteSpace) || label is { Length: 0 })
        {
            return false;
        }

        var sourceStart = processor.GetSourcePosition(start, out var line, out var column);
        processor.Inline = new WikiLinkInline
        {
            Id = id,
            Label = label,
            Span = new Markdig.Syntax.SourceSpan(sourceStart, sourceStart + close + 1 - start),
            Line = line,
            Column = column,
        };
        slice.Start = close + 2;
        return true;
    }
}
