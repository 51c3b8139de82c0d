using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Renderers;

namespace BriefGen.Markdown.Footnotes;

/// <summary>
/// Pandoc/GitHub footnotes (<c>text[^1]</c> with <c>[^1]: …</c>), parsed by Markdig's footnotes extension and
/// shown as BriefGen's notes: each reference is a numbered mark in the same sequence as the citations' (the
/// resolve stage numbers them), and the footnote's text stands in the page's Notes list, not at the end of
/// the rendered Markdown.
/// </summary>
public sealed class NoteFootnotesExtension : IMarkdownExtension
{
    /// <summary>Parsing is Markdig's (<c>UseFootnotes()</c>, added before this extension); this one only renders.</summary>
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.ReplaceOrAdd<HtmlFootnoteLinkRenderer>(new FootnoteMarkRenderer());
            html.ObjectRenderers.ReplaceOrAdd<HtmlFootnoteGroupRenderer>(new FootnoteGroupRenderer());
        }
    }
}
