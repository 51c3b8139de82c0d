using System.Text;

namespace BriefGen.Render.Citations;

/// <summary>
/// A citation's prefix or suffix, written in Markdown (<c>*passim*</c>), as the rich-text markup CSL data
/// carries (<c>&lt;i&gt;passim&lt;/i&gt;</c>): emphasis and strong emphasis only. Anything else, an HTML tag
/// included, stays text that the processor escapes.
/// </summary>
public static class CitationMarkup
{
    public static string FromMarkdown(string markdown)
    {
        var sb = new StringBuilder(markdown.Length);
        var open = new Stack<string>();
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '\\' && i + 1 < markdown.Length && char.IsAsciiLetterOrDigit(markdown[i + 1]) is false && !char.IsWhiteSpace(markdown[i + 1]))
            {
                sb.Append(markdown[++i]);
                continue;
            }

            if (c is '*' or '_')
            {
                var strong = i + 1 < markdown.Length && markdown[i + 1] == c;
                var tag = strong ? "b" : "i";
                var run = strong ? 2 : 1;
                if (open.Count > 0 && open.Peek() == tag + c && (i == 0 || !char.IsWhiteSpace(markdown[i - 1])))
                {
                    open.Pop();
                    sb.Append("</").Append(tag).Append('>');
                    i += run - 1;
                    continue;
                }

                var closer = markdown.IndexOf(strong ? new string(c, 2) : c.ToString(), i + run, StringComparison.Ordinal);
                var opensWord = i + run < markdown.Length && !char.IsWhiteSpace(markdown[i + run]);
                // An underscore inside a word is a letter, as CommonMark reads it.
                var inWord = c == '_' && i > 0 && char.IsLetterOrDigit(markdown[i - 1]);
                if (closer > i + run && opensWord && !inWord)
                {
                    open.Push(tag + c);
                    sb.Append('<').Append(tag).Append('>');
                    i += run - 1;
                    continue;
                }
            }

            sb.Append(c);
        }

        while (open.Count > 0)
        {
            // Unbalanced (should not happen, as a closer was seen): close what is open.
            sb.Append("</").Append(open.Pop()[..1]).Append('>');
        }

        return sb.ToString();
    }
}
