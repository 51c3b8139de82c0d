using BriefGen.Diagnostics;
using Markdig.Syntax;

namespace BriefGen.Resolve;

/// <summary>
/// Warns of a page that still holds a scaffold's placeholder: <c>briefgen new page</c> writes the
/// Markdown comment <c>[//]: # (briefgen-placeholder: …)</c>, which renders as nothing, so that the
/// build (and <c>--strict</c> above all) reminds the writer until the page's text is their own.
/// </summary>
public static class PlaceholderChecks
{
    /// <summary>The word that marks a placeholder, in the title of a <c>[//]: #</c> comment.</summary>
    public const string Marker = "briefgen-placeholder";

    public static void Run(ParsedBrief parsed, DiagnosticBag diagnostics)
    {
        foreach (var id in parsed.Pages.Keys.Order(StringComparer.Ordinal))
        {
            var page = parsed.Pages[id];
            var marker = Markdown.MarkdownNodes.Of(page.Document).OfType<LinkReferenceDefinition>()
                .Where(d => d.Label == "//" && d.Title is { } t && t.TrimStart().StartsWith(Marker, StringComparison.Ordinal))
                .OrderBy(d => d.Line)
                .FirstOrDefault();
            if (marker is not null)
            {
                diagnostics.Warning(page.Origin.At(marker), DiagnosticCodes.ScaffoldPlaceholder,
                    $"page '{id}' still holds the scaffold's placeholder text; write the page, then delete the line '[//]: # ({Marker}: …)'");
            }
        }
    }
}
