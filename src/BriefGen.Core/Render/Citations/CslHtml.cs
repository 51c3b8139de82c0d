using System.Text;
using BriefGen.Csl;

namespace BriefGen.Render.Citations;

/// <summary>
/// Formatted citation text as the site's HTML: text escaped, italics and bold as <c>&lt;i&gt;</c> and
/// <c>&lt;b&gt;</c> (nested italics flip to upright, as CSL says), everything else as classes the stylesheet
/// styles, never a <c>style</c> attribute (the site's Content-Security-Policy allows none), phrasing content
/// only (a note is inside a <c>&lt;span&gt;</c>), and links only to http(s) addresses.
/// </summary>
public static class CslHtml
{
    /// <param name="text">The formatted text.</param>
    /// <param name="links">False inside a link of the page's own (a citation that is itself a link), where links cannot nest.</param>
    public static string Write(CslRichText text, bool links = true)
    {
        var sb = new StringBuilder();
        Write(sb, text.Content, italic: false, bold: false, links);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, IReadOnlyList<CslInline> content, bool italic, bool bold, bool links)
    {
        foreach (var inline in content)
        {
            switch (inline)
            {
                case CslTextRun run:
                    sb.Append(Html.Escape(run.Text));
                    break;
                case CslSpan span:
                    Span(sb, span, italic, bold, links);
                    break;
            }
        }
    }

    private static void Span(StringBuilder sb, CslSpan span, bool italic, bool bold, bool links)
    {
        var close = new Stack<string>();
        void Open(string tag, string end)
        {
            sb.Append(tag);
            close.Push(end);
        }

        var f = span.Formatting;
        if (span.Display is { } display)
        {
            Open("<span class=\"csl-" + Html.Escape(display) + "\">", "</span>");
        }

        if (links && span.Link is { } link && (link.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || link.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
        {
            Open("<a href=\"" + Html.Escape(link) + "\">", "</a>");
        }

        var nowItalic = f.HasFlag(CslFormatting.Italic) ? !italic : f.HasFlag(CslFormatting.Upright) ? false : italic;
        if (nowItalic != italic)
        {
            if (nowItalic)
            {
                Open("<i>", "</i>");
            }
            else
            {
                Open("<span class=\"csl-upright\">", "</span>");
            }
        }

        var nowBold = f.HasFlag(CslFormatting.Bold) ? !bold : f.HasFlag(CslFormatting.NormalWeight) ? false : bold;
        if (nowBold != bold)
        {
            if (nowBold)
            {
                Open("<b>", "</b>");
            }
            else
            {
                Open("<span class=\"csl-normal-weight\">", "</span>");
            }
        }

        if (f.HasFlag(CslFormatting.SmallCaps))
        {
            Open("<span class=\"csl-small-caps\">", "</span>");
        }

        if (f.HasFlag(CslFormatting.Underline))
        {
            Open("<span class=\"csl-underline\">", "</span>");
        }

        if (f.HasFlag(CslFormatting.Superscript))
        {
            Open("<sup>", "</sup>");
        }
        else if (f.HasFlag(CslFormatting.Subscript))
        {
            Open("<sub>", "</sub>");
        }

        Write(sb, span.Children, nowItalic, nowBold, links);
        while (close.Count > 0)
        {
            sb.Append(close.Pop());
        }
    }
}
