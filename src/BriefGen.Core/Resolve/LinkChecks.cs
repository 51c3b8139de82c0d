using BriefGen.Diagnostics;
using BriefGen.Markdown.QuoteBoxes;
using BriefGen.Markdown.WikiLinks;
using Markdig.Syntax;

namespace BriefGen.Resolve;

/// <summary>Checks every cross-link names something, and every quote box's speaker is an entity.</summary>
public static class LinkChecks
{
    public static void Run(ParsedBrief parsed, IdIndex ids, DiagnosticBag diagnostics)
    {
        foreach (var text in parsed.All())
        {
            foreach (var link in text.Document.Descendants<WikiLinkInline>())
            {
                if (!ids.TryGet(link.Id, out _))
                {
                    var near = Suggestions.Near(link.Id, ids.Ids);
                    diagnostics.Error(text.Origin.At(link), DiagnosticCodes.UnknownLink,
                        $"[[{link.Id}]] names no page, entity, source, timeline event or figure" +
                        (near.Count > 0 ? $" (did you mean {string.Join(", ", near.Select(n => $"[[{n}]]"))}?)" : ""));
                }
            }

            foreach (var block in text.Document.Descendants<QuoteBlock>())
            {
                if (QuoteBox.Of(block)?.Speaker is { } speaker && ids.TryGet(speaker.Id, out var target) && target.Kind != TargetKind.Entity)
                {
                    diagnostics.Error(text.Origin.At(speaker), DiagnosticCodes.BadAttribution,
                        $"the speaker of a quote box must be an entity in entities.yml; '{speaker.Id}' is a {target.Kind.ToString().ToLowerInvariant()}");
                }
            }
        }
    }
}
