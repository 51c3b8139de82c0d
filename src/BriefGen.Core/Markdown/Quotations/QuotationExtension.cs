using Markdig;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using BriefGen.Markdown.QuoteBoxes;
using BriefGen.Verify.Text;

namespace BriefGen.Markdown.Quotations;

/// <summary>
/// Finds the quotations of running text once a document is parsed and wraps each in a
/// <see cref="QuotationInline"/> where its marks stand side by side in one inline container (a quotation
/// that starts inside emphasis and ends outside it is still checked, only not wrapped).
/// </summary>
public sealed class QuotationExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Wrap;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<QuotationRenderer>())
        {
            html.ObjectRenderers.Add(new QuotationRenderer());
        }
    }

    private static void Wrap(MarkdownDocument document)
    {
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            if (paragraph.Inline is null || InQuoteBox(paragraph))
            {
                continue;
            }

            var text = InlineText.Of(paragraph.Inline);
            // From the last to the first, so splitting one literal never moves the offsets of the earlier ones.
            var quotes = RunningQuotes.Find(text.Text);
            for (var i = quotes.Count - 1; i >= 0; i--)
            {
                var quote = quotes[i];
                if (text.LiteralAt(quote.Start) is var (open, openAt) && text.LiteralAt(quote.End - 1) is var (close, closeAt) &&
                    open.Parent is { } parent && ReferenceEquals(parent, close.Parent) && parent is not QuotationInline)
                {
                    WrapRange(open, openAt, close, closeAt);
                }
            }
        }
    }

    /// <summary>Whether a paragraph belongs to a quote box: its words are checked as the box, not as running text.</summary>
    public static bool InQuoteBox(Block block)
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is QuoteBlock quote && QuoteBox.Of(quote) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static void WrapRange(LiteralInline open, int openAt, LiteralInline close, int closeAt)
    {
        // Cut the closing literal after its mark, then the opening literal before its mark.
        Split(close, closeAt + 1);
        var first = Split(open, openAt);
        var last = ReferenceEquals(open, close) ? first : close;
        // Markdig's InsertBefore leaves the new node without a previous sibling, which hides what precedes it
        // from backward walks (Descendants); InsertAfter links both ways.
        var quotation = new QuotationInline { Line = first.Line, Column = first.Column, Span = first.Span };
        first.InsertAfter(quotation);
        var stop = last;
        first.Remove();
        quotation.AppendChild(first);
        while (!ReferenceEquals(first, stop) && quotation.NextSibling is { } next)
        {
            next.Remove();
            quotation.AppendChild(next);
            if (ReferenceEquals(next, stop))
            {
                break;
            }
        }
    }

    /// <summary>Splits a literal before character <paramref name="at"/>; returns the literal that starts there.</summary>
    private static LiteralInline Split(LiteralInline literal, int at)
    {
        var content = literal.Content;
        if (at <= 0 || at >= content.Length)
        {
            return literal;
        }

        var right = new LiteralInline(new StringSlice(content.Text, content.Start + at, content.End))
        {
            Line = literal.Line,
            Column = literal.Column + at,
            Span = new SourceSpan(literal.Span.Start + at, literal.Span.End),
            IsFirstCharacterEscaped = false,
        };
        literal.Content = new StringSlice(content.Text, content.Start, content.Start + at - 1);
        literal.Span = new SourceSpan(literal.Span.Start, literal.Span.Start + at - 1);
        literal.InsertAfter(right);
        return right;
    }
}
