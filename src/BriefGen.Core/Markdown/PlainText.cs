using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BriefGen.Markdown;

/// <summary>The words of a Markdown node without markup, for titles, tables of contents and descriptions.</summary>
public static class PlainText
{
    public static string Of(LeafBlock block) => block.Inline is null ? "" : Of(block.Inline).Trim();

    public static string Of(ContainerInline container)
    {
        var sb = new StringBuilder();
        Append(container, sb);
        return sb.ToString();
    }

    private static void Append(Inline inline, StringBuilder sb)
    {
        switch (inline)
        {
            case LiteralInline literal:
                sb.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                sb.Append(code.Content);
                break;
            case QuoteBoxes.AttributionInline:
                break;
            case LineBreakInline:
                sb.Append(' ');
                break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(child, sb);
                }

                break;
        }
    }
}
