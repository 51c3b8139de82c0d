using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace BriefGen.Markdown.WikiLinks;

/// <summary>Renders a cross-link as a link to its target, labelled with the label or the target's name.</summary>
public sealed class WikiLinkRenderer : HtmlObjectRenderer<WikiLinkInline>
{
    protected override void Write(HtmlRenderer renderer, WikiLinkInline obj)
    {
        var target = (renderer as BriefHtmlRenderer)?.Site?.Find(obj.Id);
        if (target is null)
        {
            renderer.WriteEscape(obj.Label ?? obj.Id);
            return;
        }

        renderer.Write("<a class=\"xref xref-").Write(target.Kind).Write("\" href=\"").WriteEscape(target.Url).Write("\">")
            .WriteEscape(obj.Label ?? target.Title).Write("</a>");
    }
}
