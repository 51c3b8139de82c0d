using System.Text;
using BriefGen.Markdown.Citations;
using BriefGen.Markdown.QuoteBoxes;
using BriefGen.Markdown.WikiLinks;
using Markdig.Syntax.Inlines;

namespace BriefGen.Markdown.Quotations;

/// <summary>
/// A paragraph's inlines as the running-text checks read them: its words in order, each citation as
/// <see cref="Verify.Text.Sentences.CitationMark"/>, code and URLs as an opaque mark, and for each character
/// the literal it came from, so a finding can be placed at its line and column and wrapped for readers.
/// </summary>
public sealed class InlineText
{
    /// <summary>Stands for code and autolinks: neither a word, a number nor a quotation mark.</summary>
    public const char Opaque = '\u2060';

    private readonly List<(int Start, int Length, Inline Inline)> _runs = [];
    private readonly StringBuilder _text = new();
    private readonly List<(int Offset, CitationInline Citation)> _citations = [];

    private InlineText()
    {
    }

    public string Text { get; private set; } = "";

    /// <summary>Every citation of the paragraph with its offset in <see cref="Text"/>.</summary>
    public IReadOnlyList<(int Offset, CitationInline Citation)> Citations => _citations;

    public static InlineText Of(ContainerInline root)
    {
        var text = new InlineText();
        text.Append(root);
        text.Text = text._text.ToString();
        return text;
    }

    /// <summary>The literal a character of <see cref="Text"/> came from and its index inside that literal; null for other inlines.</summary>
    public (LiteralInline Literal, int Index)? LiteralAt(int offset)
    {
        var lo = 0;
        var hi = _runs.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var (start, length, inline) = _runs[mid];
            if (offset < start)
            {
                hi = mid - 1;
            }
            else if (offset >= start + length)
            {
                lo = mid + 1;
            }
            else
            {
                return inline is LiteralInline literal ? (literal, offset - start) : null;
            }
        }

        return null;
    }

    /// <summary>Markdig's 0-based line and column of a character, from the inline it came from.</summary>
    public (int Line, int Column) Position(int offset)
    {
        if (LiteralAt(offset) is var (literal, index))
        {
            return (literal.Line, literal.Column + index);
        }

        foreach (var (start, length, inline) in _runs)
        {
            if (offset < start + length)
            {
                return (inline.Line, inline.Column);
            }
        }

        return _runs.Count > 0 ? (_runs[^1].Inline.Line, _runs[^1].Inline.Column) : (0, 0);
    }

    private void Add(Inline inline, ReadOnlySpan<char> text)
    {
        if (text.Length == 0)
        {
            return;
        }

        _runs.Add((_text.Length, text.Length, inline));
        _text.Append(text);
    }

    private void Append(Inline inline)
    {
        switch (inline)
        {
            case AttributionInline:
                break;
            case CitationInline citation:
                _citations.Add((_text.Length, citation));
                Add(citation, Verify.Text.Sentences.CitationMark.ToString());
                break;
            case WikiLinkInline link:
                Add(link, link.Label ?? link.Id.Replace('-', ' '));
                break;
            case LiteralInline literal:
                Add(literal, literal.Content.AsSpan());
                break;
            case CodeInline or AutolinkInline:
                Add(inline, Opaque.ToString());
                break;
            case HtmlEntityInline entity:
                Add(entity, entity.Transcoded.AsSpan());
                break;
            case LineBreakInline:
                Add(inline, " ");
                break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(child);
                }

                break;
        }
    }
}
