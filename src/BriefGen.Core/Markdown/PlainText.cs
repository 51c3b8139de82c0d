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
        return Squash(text).Replace(" .", ".", StringComparison.Ordinal);
    }

    /// <summary>
    /// The text on one line: each run of white space (as <see cref="char.IsWhiteSpace(char)"/> has it) one space, none at
    /// either end. The same as splitting at white space and joining the words with spaces, without a string per word.
    /// <paramref name="map"/>, when given, replaces each character that is not white space.
    /// </summary>
    public static string Squash(string text, Func<char, char>? map = null)
    {
        var span = text.AsSpan().Trim();
        var sb = new StringBuilder(span.Length);
        var space = false;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(map is null ? c : map(c));
        }

        return sb.ToString();
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
