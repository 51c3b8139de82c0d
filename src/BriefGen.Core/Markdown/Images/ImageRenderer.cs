using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace BriefGen.Markdown.Images;

/// <summary>
/// Renders an image from content/ at its published URL (base_url + its path under content/), with width and
/// height so the page does not shift as it loads; links and other images render as Markdig renders them.
/// </summary>
public sealed class ImageRenderer : LinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        if (!link.IsImage || renderer is not BriefHtmlRenderer { Site: { } site } || site.Image(link) is not { } image)
        {
            base.Write(renderer, link);
            return;
        }

        // Written as is, past the link rewriter: the URL already starts with base_url.
        renderer.Write("<img src=\"").WriteEscape(image.Url).Write("\" alt=\"");
        var html = renderer.EnableHtmlForInline;
        renderer.EnableHtmlForInline = false;
        renderer.WriteChildren(link);
        renderer.EnableHtmlForInline = html;
        renderer.Write('"');
        if (!string.IsNullOrWhiteSpace(link.Title) && !Figure.IsCaptioned(link))
        {
            renderer.Write(" title=\"").WriteEscape(link.Title).Write('"');
        }

        if (image is { Width: { } width, Height: { } height })
        {
            renderer.Write(string.Create(System.Globalization.CultureInfo.InvariantCulture, $" width=\"{width}\" height=\"{height}\""));
        }

        renderer.Write(" loading=\"lazy\" />");
    }
}
