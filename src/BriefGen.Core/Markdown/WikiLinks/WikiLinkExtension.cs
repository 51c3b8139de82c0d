using Markdig.Parsers.Inlines;
using Markdig;
using Markdig.Renderers;

namespace BriefGen.Markdown.WikiLinks;

/// <summary>Cross-links: <c>[[id]]</c> and <c>[[id|label]]</c>.</summary>
public sealed class WikiLinkExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<WikiLinkParser>())
        {
            // Before citations and links, which also open on '['.
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new WikiLinkParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<WikiLinkRenderer>())
        {
            html.ObjectRenderers.Insert(0, new WikiLinkRenderer());
        }
    }
}
