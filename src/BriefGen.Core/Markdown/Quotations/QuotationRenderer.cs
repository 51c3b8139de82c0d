using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace BriefGen.Markdown.Quotations;

/// <summary>
/// Writes a quotation as it was typed; a verified one inside <c>&lt;span class="quotation"&gt;</c> whose title
/// says where the words were found, so the prose stays uncluttered.
/// </summary>
public sealed class QuotationRenderer : HtmlObjectRenderer<QuotationInline>
{
    protected override void Write(HtmlRenderer renderer, QuotationInline obj)
    {
        var title = (renderer as BriefHtmlRenderer)?.Site?.QuotationTitle(obj);
        if (title is null || !renderer.EnableHtmlForInline)
        {
            renderer.WriteChildren(obj);
            return;
        }

        renderer.Write("<span class=\"quotation\" title=\"").WriteEscape(title).Write("\">");
        renderer.WriteChildren(obj);
        renderer.Write("</span>");
    }
}
