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

    /// <summary>Checks every page; with a <paramref name="memo"/> (the preview), only pages not read before.</summary>
    public static void Run(ParsedBrief parsed, DiagnosticBag diagnostics, TextMemo<TextFindings>? memo = null)
    {
        // The pages' bodies, each at its place among them: the listed texts walked once, without a list of them made.
        memo?.Begin(parsed.Pages.Count, "");
        var slot = 0;
        foreach (var (kind, id, page) in parsed.Listed)
        {
            if (kind == TextKind.Page)
            {
                TextMemo<TextFindings>.Read(memo, slot++, page, id, (id, page), static s => TextFindings.Of(found => Check(s.id, s.page, found))).ReportTo(diagnostics);
            }
        }

        memo?.End();
    }

    private static void Check(string id, ParsedText page, DiagnosticBag diagnostics)
    {
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
