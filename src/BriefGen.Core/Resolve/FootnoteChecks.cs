using System.Text.RegularExpressions;
using BriefGen.Diagnostics;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BriefGen.Resolve;

/// <summary>
/// A footnote reference <c>[^x]</c> with no <c>[^x]: …</c>, which Markdig leaves as text: a warning at the reference,
/// so a note does not go missing unnoticed.
/// </summary>
public static partial class FootnoteChecks
{
    [GeneratedRegex(@"^\^([^\]\s]+)\]")]
    private static partial Regex Reference();

    public static void Run(ParsedBrief parsed, DiagnosticBag diagnostics)
    {
        foreach (var text in parsed.All())
        {
            foreach (var literal in Markdown.MarkdownNodes.Of(text.Document).OfType<LiteralInline>())
            {
                // Markdig splits "[^x]" at its bracket: "…[" then "^x] …" when no footnote matched.
                var content = literal.Content.ToString();
                if (!content.EndsWith('[') || literal.NextSibling is not LiteralInline next ||
                    Reference().Match(next.Content.ToString()) is not { Success: true } match)
                {
                    continue;
                }

                diagnostics.Warning(text.Origin.At(next.Line, next.Column - 1), DiagnosticCodes.UndefinedFootnote,
                    $"footnote reference [^{match.Groups[1].Value}] has no text; add a line '[^{match.Groups[1].Value}]: …' to the page (it is shown as written until then)");
            }
        }
    }
}
