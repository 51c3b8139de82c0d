using Markdig.Syntax.Inlines;

namespace BriefGen.Markdown.WikiLinks;

/// <summary>A cross-link, <c>[[id]]</c> or <c>[[id|label]]</c>, to a page, entity, timeline event or figure.</summary>
public sealed class WikiLinkInline : LeafInline
{
    public required string Id { get; init; }

    /// <summary>The label written after '|', or null to show the target's name or title.</summary>
    public string? Label { get; init; }
}
