using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BriefGen.Markdown;

/// <summary>The words of a Markdown node without markup, for titles, tables of contents and descriptions.</summary>
public static class PlainText
{
    public static string Of(LeafBlock block, Func<string, string?>? linkTitle = null) => block.Inline is null ? "" : Of(block.Inline, linkTitle).Trim();

    public static string Of(ContainerInline container, Func<string, string?>? linkTitle = null)
    {
        var sb = new StringBuilder();
        Append(container, sb, linkTitle);
        return sb.ToString();
    }

    /// <summary>A whole document as one line of text: for meta descriptions.</summary>
    public static string Of(MarkdownDocument document, Func<string, string?>? linkTitle)
    {
        var text = string.Join(" ", document.Descendants<LeafBlock>().Select(b => Of(b, linkTitle)).Where(t => t.Length > 0));
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace(" .", ".", StringComparison.Ordinal);
    }

    private static void Append(Inline inline, StringBuilder sb, Func<string, string?>? linkTitle)
    {
        switch (inline)
        {
            case WikiLinks.WikiLinkInline link:
                sb.Append(link.Label ?? linkTitle?.Invoke(link.Id) ?? link.Id);
                break;
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
                    Append(child, sb, linkTitle);
                }

                break;
        }
    }
}
