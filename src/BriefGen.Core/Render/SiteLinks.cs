using BriefGen.Markdown;
using BriefGen.Markdown.QuoteBoxes;
using BriefGen.Render.Kinds;
using BriefGen.Resolve;
using Scriban.Runtime;

namespace BriefGen.Render;

/// <summary>The site as Markdown rendering sees it: where each id leads, and quote-box captions from the theme.</summary>
public sealed class SiteLinks(RenderInputs inputs, TemplateRunner? templates) : IRenderSite
{
    /// <summary>The partial that captions a quote box; it sees <c>caption.attribution</c>, <c>caption.role</c> and <c>q</c>.</summary>
    public const string CaptionPartial = "partials/quote-caption.html";

    public LinkTarget? Find(string id) => inputs.Brief.Ids.TryGet(id, out var target)
        ? new LinkTarget(inputs.Url(target.SitePath), target.Title, target.Kind.ToString().ToLowerInvariant(), target.Role)
        : null;

    public ImageSource? Image(Markdig.Syntax.Inlines.LinkInline image) =>
        inputs.Images.Of(image) is { } found ? new ImageSource(inputs.Url(found.SitePath), found.Width, found.Height) : null;

    public string? QuotationTitle(Markdown.Quotations.QuotationInline quotation)
    {
        if (inputs.Verification.Of(quotation) is not { Status: QuoteStatus.Verified, SourceId: { } sourceId } check ||
            !inputs.Brief.Sources.TryGetValue(sourceId, out var source))
        {
            return null;
        }

        var where = check.Locator is { Kind: not Markdown.Citations.LocatorKind.None } locator ? locator.Display + " of " : "";
        return $"Quotation verified against {where}{QuoteModel.SourceTitle(source)}";
    }

    public InTextCitation? InText(PageContext page, Markdown.Citations.CitationMark mark) => inputs.Citations.InText(page, mark.NoteNumber);

    public string? Parenthetical(PageContext page, Markdown.Citations.CitationMark mark) => inputs.Citations.Parenthetical(page, mark.NoteNumber);

    public string? InNote(PageContext page, Markdown.Citations.CitationInline citation) => inputs.Citations.InNote(page, citation);

    public string? Caption(QuoteBox box, string attributionHtml)
    {
        if (templates is null || !templates.Templates.Has(CaptionPartial))
        {
            return null;
        }

        var role = box.Speaker is { } speaker && Find(speaker.Id) is { Role: { Length: > 0 } r } ? r : null;
        var variables = new ScriptObject
        {
            ["caption"] = new ScriptObject { ["attribution"] = new Html(attributionHtml), ["role"] = role },
            ["q"] = QuoteModel.Check(inputs, box),
        };
        return templates.Run(CaptionPartial, variables, "quote box")?.TrimEnd('\n') ?? "";
    }
}
