using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace BriefGen.Markdown.QuoteBoxes;

/// <summary>
/// Renders a quote box as <c>&lt;figure&gt;</c>: the quote, then a caption with the linked speaker, their role,
/// the citation and whether the words were verified against the source. Other blockquotes render as usual.
/// </summary>
public sealed class QuoteBoxRenderer(QuoteBlockRenderer? plain) : HtmlObjectRenderer<QuoteBlock>
{
    private readonly QuoteBlockRenderer _plain = plain ?? new QuoteBlockRenderer();

    protected override void Write(HtmlRenderer renderer, QuoteBlock obj)
    {
        if (QuoteBox.Of(obj) is not { } box)
        {
            ((Markdig.Renderers.IMarkdownObjectRenderer)_plain).Write(renderer, obj);
            return;
        }

        var brief = renderer as BriefHtmlRenderer;
        var id = brief?.Page?.AddQuote(box);
        renderer.EnsureLine();
        renderer.Write("<figure class=\"quote-box\"");
        if (id is not null)
        {
            renderer.Write(" id=\"").Write(id).Write('"');
        }

        renderer.WriteLine(">");
        renderer.WriteLine("<blockquote>");
        foreach (var child in obj)
        {
            // The attribution's own paragraph, if it stood apart, belongs to the caption only.
            if (child is not ParagraphBlock { Inline.FirstChild: AttributionInline { NextSibling: null } })
            {
                renderer.Render(child);
            }
        }

        renderer.EnsureLine();
        renderer.WriteLine("</blockquote>");
        renderer.Write("<figcaption><span class=\"attribution\">— ");
        AttributionRenderer.WriteContent(renderer, box.Attribution);
        renderer.Write("</span>");

        if (box.Speaker is { } speaker && brief?.Site?.Find(speaker.Id) is { Role: { Length: > 0 } role })
        {
            renderer.Write(" <span class=\"speaker-role\">").WriteEscape(role).Write("</span>");
        }

        if (brief?.Site?.Check(box) is { } check)
        {
            WriteStatus(renderer, check);
        }

        renderer.WriteLine("</figcaption>");
        renderer.WriteLine("</figure>");
    }

    private static void WriteStatus(HtmlRenderer renderer, QuoteCheck check)
    {
        switch (check.Status)
        {
            case QuoteStatus.Verified:
                var anchor = check.Locator.IsParagraphs ? "#p" + check.Locator.Start.ToString(CultureInfo.InvariantCulture) : "";
                var where = check.Locator.IsParagraphs ? check.Locator.Display + " of " : "";
                renderer.Write(" <span class=\"quote-status verified\">Verified against <a href=\"")
                    .WriteEscape(check.SourceUrl + anchor).Write("\">").WriteEscape(where).WriteEscape(check.SourceTitle).Write("</a></span>");
                break;
            case QuoteStatus.Unverifiable:
                renderer.Write(" <span class=\"quote-status unverifiable\">Not verifiable: <a href=\"")
                    .WriteEscape(check.SourceUrl).Write("\">the source</a> has no text</span>");
                break;
            default:
                renderer.Write(" <span class=\"quote-status misquoted\">Not found in the cited source</span>");
                break;
        }
    }
}

/// <summary>Inside the quote the attribution writes nothing; the caption writes its content.</summary>
public sealed class AttributionRenderer : HtmlObjectRenderer<AttributionInline>
{
    protected override void Write(HtmlRenderer renderer, AttributionInline obj)
    {
    }

    public static void WriteContent(HtmlRenderer renderer, AttributionInline attribution) => renderer.WriteChildren(attribution);
}
