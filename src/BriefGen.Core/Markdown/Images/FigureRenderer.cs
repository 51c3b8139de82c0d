using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace BriefGen.Markdown.Images;

/// <summary>Renders a captioned image's paragraph as <c>&lt;figure&gt;</c> with a <c>&lt;figcaption&gt;</c>; other paragraphs as usual.</summary>
public sealed class FigureRenderer : ParagraphRenderer
{
    protected override void Write(HtmlRenderer renderer, ParagraphBlock obj)
    {
        if (renderer.ImplicitParagraph || Figure.Of(obj) is not { } image)
        {
            base.Write(renderer, obj);
            return;
        }

        renderer.EnsureLine();
        renderer.WriteLine("<figure class=\"image\">");
        renderer.Write(image);
        renderer.EnsureLine();
        renderer.Write("<figcaption>").WriteEscape(image.Title).WriteLine("</figcaption>");
        renderer.WriteLine("</figure>");
    }
}
