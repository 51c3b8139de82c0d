using Markdig;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BriefGen.Markdown.QuoteBoxes;

/// <summary>
/// Quote boxes: after a document is parsed, every blockquote whose last line starts with an em dash
/// becomes a <see cref="QuoteBox"/>, rendered as a figure with its attribution and verification status.
/// </summary>
public sealed class QuoteBoxExtension : IMarkdownExtension
{
    public const char EmDash = '—';

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed -= Recognize;
        pipeline.DocumentProcessed += Recognize;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<QuoteBoxRenderer>())
        {
            var plain = html.ObjectRenderers.FindExact<QuoteBlockRenderer>();
            html.ObjectRenderers.ReplaceOrAdd<QuoteBlockRenderer>(new QuoteBoxRenderer(plain));
            html.ObjectRenderers.Insert(0, new AttributionRenderer());
        }
    }

    private static void Recognize(MarkdownDocument document)
    {
        foreach (var block in document.Descendants<QuoteBlock>().ToList())
        {
            if (block.LastChild is ParagraphBlock { Inline: { } inline } paragraph && Split(block, paragraph, inline) is { } box)
            {
                block.SetData(typeof(QuoteBox), box);
            }
        }
    }

    /// <summary>Where a line's attribution dash stands after its leading blanks, and its length (0: no dash).</summary>
    public static (int Offset, int Length) LeadingDash(StringSlice content)
    {
        var offset = 0;
        while (offset < content.Length && content[content.Start + offset] is ' ' or '\t')
        {
            offset++;
        }

        return (offset, DashLength(content, offset));
    }

    /// <summary>
    /// How many characters of attribution dash stand at <paramref name="offset"/>: an em dash, a horizontal bar
    /// or an en dash (one), or <c>--</c> as typed on a keyboard (two); 0 for none.
    /// </summary>
    private static int DashLength(StringSlice content, int offset)
    {
        if (offset >= content.Length)
        {
            return 0;
        }

        var c = content[content.Start + offset];
        if (c is EmDash or '―' or '–')
        {
            return 1;
        }

        return c == '-' && offset + 1 < content.Length && content[content.Start + offset + 1] == '-' ? 2 : 0;
    }

    private static QuoteBox? Split(QuoteBlock block, ParagraphBlock paragraph, ContainerInline inline)
    {
        // The attribution is the paragraph's last line, or the whole last paragraph when it stands alone.
        Inline? lastBreak = null;
        for (var child = inline.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is LineBreakInline)
            {
                lastBreak = child;
            }
        }

        var first = lastBreak?.NextSibling ?? (block.Count > 1 ? inline.FirstChild : null);
        if (first is not LiteralInline literal)
        {
            return null;
        }

        var content = literal.Content;
        var (offset, dash) = LeadingDash(content);
        if (dash == 0)
        {
            return null;
        }

        var line = literal.Line;
        var column = literal.Column + offset;
        var skip = offset + dash;
        while (skip < content.Length && content[content.Start + skip] is ' ' or '\t')
        {
            skip++;
        }

        literal.Content = new StringSlice(content.Text, content.Start + skip, content.End);

        var attribution = new AttributionInline { Line = line, Column = column };
        for (var node = first; node is not null;)
        {
            var next = node.NextSibling;
            node.Remove();
            attribution.AppendChild(node);
            node = next;
        }

        lastBreak?.Remove();
        inline.AppendChild(attribution);

        var text = string.Join("\n", block.Descendants<ParagraphBlock>().Select(p => PlainText.Of(p)).Where(t => t.Length > 0));
        return new QuoteBox
        {
            Block = block,
            Text = text,
            Attribution = attribution,
            AttributionLine = line,
            AttributionColumn = column,
        };
    }
}
