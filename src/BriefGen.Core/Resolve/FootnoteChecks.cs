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

    /// <summary>Checks every text; with a <paramref name="memo"/> (the preview), only texts not read before.</summary>
    public static void Run(ParsedBrief parsed, DiagnosticBag diagnostics, TextMemo<TextFindings>? memo = null)
    {
        var texts = parsed.All();
        memo?.Begin(texts.Count, "");
        for (var slot = 0; slot < texts.Count; slot++)
        {
            var text = texts[slot];
            TextMemo<TextFindings>.Read(memo, slot, text, "", text, static t => TextFindings.Of(found => Check(t, found))).ReportTo(diagnostics);
        }

        memo?.End();
    }

    private static void Check(ParsedText text, DiagnosticBag diagnostics)
    {
        foreach (var node in Markdown.MarkdownNodes.Of(text.Document))
        {
            // Markdig splits "[^x]" at its bracket: "…[" then "^x] …" when no footnote matched.
            if (node is not LiteralInline { Content: { Length: > 0 } content } literal || content.Text[content.End] != '[' ||
                literal.NextSibling is not LiteralInline next || Reference().Match(next.Content.ToString()) is not { Success: true } match)
            {
                continue;
            }

            diagnostics.Warning(text.Origin.At(next.Line, next.Column - 1), DiagnosticCodes.UndefinedFootnote,
                $"footnote reference [^{match.Groups[1].Value}] has no text; add a line '[^{match.Groups[1].Value}]: …' to the page (it is shown as written until then)");
        }
    }
}
