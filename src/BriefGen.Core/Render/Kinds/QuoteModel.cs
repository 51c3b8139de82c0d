using BriefGen.Markdown;
using BriefGen.Markdown.Citations;
using BriefGen.Markdown.QuoteBoxes;
using BriefGen.Render.Citations;
using BriefGen.Resolve;
using Scriban.Runtime;

namespace BriefGen.Render.Kinds;

/// <summary>A quote as templates see it (<c>q</c>): in a caption, on /quotes/ and on entity pages. Wording and markup are the theme's.</summary>
public static class QuoteModel
{
    /// <summary>A quote where it is listed: its words, the page it stands on, and its verification.</summary>
    public static ScriptObject Quote(RenderInputs inputs, QuoteUse use)
    {
        var model = Check(inputs, use.Box) ?? new ScriptObject { ["status"] = "misquoted" };
        model["text"] = use.Box.Text;
        model["page_title"] = use.PageTitle;
        model["url"] = use.PageUrl + "#" + use.Anchor;
        return model;
    }

    /// <summary>What verification found, with the source it was checked against; null when it was not checked.</summary>
    public static ScriptObject? Check(RenderInputs inputs, QuoteBox box)
    {
        if (inputs.Verification.Of(box) is not { } check || !inputs.Brief.Sources.TryGetValue(check.SourceId, out var source))
        {
            return null;
        }

        var sourceUrl = inputs.Url(SitePaths.Source(source.Id));
        return new ScriptObject
        {
            ["status"] = Status(check.Status),
            ["paragraph"] = check.Locator.Kind == LocatorKind.None ? null : check.Locator.Display,
            ["source_id"] = source.Id,
            ["source_title"] = SourceTitle(source),
            // Only a verified quote has paragraphs to point at: a source without text has no ¶ anchors.
            ["check_url"] = check.Status == QuoteStatus.Verified && check.Locator.IsParagraphs
                ? sourceUrl + Anchors.ParagraphLink(check.Locator.Start)
                : sourceUrl,
        };
    }

    /// <summary>How a quote's source is named beside it: its short title, else its title.</summary>
    public static string SourceTitle(Model.Source source) => source.Get("title-short") ?? source.Title;

    /// <summary>The status word brief.json and the templates use.</summary>
    public static string Status(QuoteStatus status) => status switch
    {
        QuoteStatus.Verified => "verified",
        QuoteStatus.Unverifiable => "unverifiable",
        QuoteStatus.LocatorNotChecked => "locator-not-checked",
        QuoteStatus.Unsourced => "unsourced",
        _ => "misquoted",
    };
}
