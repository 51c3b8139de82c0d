using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BriefGen.Markdown;

/// <summary>Shows a raw HTML block as text, for briefs that do not set allow_html.</summary>
internal sealed class EscapedHtmlBlockRenderer : HtmlObjectRenderer<HtmlBlock>
{
    protected override void Write(HtmlRenderer renderer, HtmlBlock obj)
    {
        renderer.EnsureLine();
        renderer.Write("<p>");
        var lines = obj.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                renderer.WriteLine();
            }

            renderer.WriteEscape(lines.Lines[i].Slice);
        }

        renderer.WriteLine("</p>");
    }
}

/// <summary>Shows a raw HTML tag inside a paragraph as text.</summary>
internal sealed class EscapedHtmlInlineRenderer : HtmlObjectRenderer<HtmlInline>
{
    protected override void Write(HtmlRenderer renderer, HtmlInline obj) => renderer.WriteEscape(obj.Tag);
}
