using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;

namespace BriefGen.Markdown.Images;

/// <summary>
/// Images from content/: each renders at the URL the site publishes it at, with its size when known, and an
/// image with a title alone in its paragraph renders as a figure captioned by that title.
/// </summary>
public sealed class ImageExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<ImageRenderer>())
        {
            html.ObjectRenderers.ReplaceOrAdd<LinkInlineRenderer>(new ImageRenderer());
            html.ObjectRenderers.ReplaceOrAdd<ParagraphRenderer>(new FigureRenderer());
        }
    }
}
