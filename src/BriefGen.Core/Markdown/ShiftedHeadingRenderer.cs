using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace BriefGen.Markdown;

/// <summary>
/// Renders headings of a page set inside another (the print page): each level moved down under the page's
/// own title, each id prefixed so ids stay unique on the combined page. The document itself is not changed.
/// </summary>
internal sealed class ShiftedHeadingRenderer(HeadingShift shift) : HtmlObjectRenderer<HeadingBlock>
{
    protected override void Write(HtmlRenderer renderer, HeadingBlock obj)
    {
        var tag = "h" + Math.Min(6, obj.Level + shift.Levels).ToString(CultureInfo.InvariantCulture);
        var attributes = new HtmlAttributes();
        obj.TryGetAttributes()?.CopyTo(attributes);
        if (attributes.Id is { } id && !string.IsNullOrEmpty(shift.IdPrefix))
        {
            attributes.Id = shift.IdPrefix + id;
        }

        renderer.Write('<').Write(tag).WriteAttributes(attributes).Write('>');
        renderer.WriteLeafInline(obj);
        renderer.Write("</").Write(tag).WriteLine(">");
        renderer.EnsureLine();
    }
}
