using Markdig.Syntax.Inlines;

namespace BriefGen.Markdown.Quotations;

/// <summary>
/// A quotation in running text, <c>“…”</c> or <c>"…"</c>, marks included: wrapped at parse time so that
/// the verify stage can give it a status and the page can mark a verified one for readers.
/// </summary>
public sealed class QuotationInline : ContainerInline;
