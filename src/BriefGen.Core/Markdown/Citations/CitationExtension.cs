using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace BriefGen.Markdown.Citations;

/// <summary>Pandoc citations, bracketed (<c>[see @key, ¶4]</c>) and in-text (<c>@key [p. 33]</c>), parsed and rendered as numbered note marks.</summary>
public sealed class CitationExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<CitationParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new CitationParser());
            pipeline.DocumentProcessed += CitationsInLinks.MoveOut;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<CitationRenderer>())
        {
            html.ObjectRenderers.Insert(0, new CitationRenderer());
        }
    }
}
