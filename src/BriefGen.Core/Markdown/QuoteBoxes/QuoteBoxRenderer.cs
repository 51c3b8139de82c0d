using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace BriefGen.Markdown.QuoteBoxes;

/// <summary>
/// Renders a quote box as <c>&lt;figure&gt;</c>: the quote, then the caption the site makes from the theme's
/// quote-caption partial (speaker, role, citation, verification). Other blockquotes render as usual.
/// </summary>
public sealed class QuoteBoxRenderer(QuoteBlockRenderer? plain) : HtmlObjectRenderer<QuoteBlock>
{
    private readonly QuoteBlockRenderer _plain = plain ?? new QuoteBlockRenderer();

    protected override void Write(HtmlRenderer renderer, QuoteBlock obj)
    {
        if (QuoteBox.Of(obj) is not { } box)
        {
            ((IMarkdownObjectRenderer)_plain).Write(renderer, obj);
            return;
        }

        var brief = renderer as BriefHtmlRenderer;
        var anchor = brief?.Page?.QuoteOf(obj)?.Anchor;
        renderer.EnsureLine();
        renderer.Write("<figure class=\"quote-box\"");
        if (anchor is not null)
        {
            renderer.Write(" id=\"").Write(anchor).Write('"');
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
        var attribution = AttributionRenderer.Render(renderer, box.Attribution);
        if (brief?.Site?.Caption(box, attribution) is { } caption)
        {
            renderer.Write(caption);
            renderer.EnsureLine();
        }
        else
        {
            renderer.Write("<figcaption><span class=\"attribution\">— ").Write(attribution).WriteLine("</span></figcaption>");
        }

        renderer.WriteLine("</figure>");
    }
}

/// <summary>Inside the quote the attribution writes nothing; the caption shows its content.</summary>
public sealed class AttributionRenderer : HtmlObjectRenderer<AttributionInline>
{
    protected override void Write(HtmlRenderer renderer, AttributionInline obj)
    {
    }

    /// <summary>The attribution's content as HTML (its speaker link and citation marks), for the caption.</summary>
    public static string Render(HtmlRenderer renderer, AttributionInline attribution)
    {
        var writer = renderer.Writer;
        using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        renderer.Writer = buffer;
        try
        {
            renderer.WriteChildren(attribution);
        }
        finally
        {
            renderer.Writer = writer;
        }

        return buffer.ToString();
    }
}
