using BriefGen.Markdown;
using BriefGen.Markdown.QuoteBoxes;
using BriefGen.Resolve;
using BriefGen.Verify;

namespace BriefGen.Render;

/// <summary>The site as Markdown rendering sees it: where each id leads, and what verification found.</summary>
public sealed class SiteLinks(IdIndex ids, Verification verification, string baseUrl) : IRenderSite
{
    public LinkTarget? Find(string id) => ids.TryGet(id, out var target)
        ? new LinkTarget(baseUrl + target.SitePath, target.Title, target.Kind.ToString().ToLowerInvariant(), target.Role)
        : null;

    public QuoteCheck? Check(QuoteBox box) => verification.Quotes.TryGetValue(box, out var check) ? check : null;
}
