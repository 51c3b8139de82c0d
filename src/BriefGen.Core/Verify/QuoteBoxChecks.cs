using BriefGen.Diagnostics;
using BriefGen.Markdown.Citations;
using BriefGen.Markdown.QuoteBoxes;
using BriefGen.Model;
using BriefGen.Resolve;
using BriefGen.Verify.Text;
using Markdig.Extensions.Alerts;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BriefGen.Verify;

/// <summary>
/// Quote boxes (SPEC §2, §3): the words against the cited passage, the speaker against the passage and the
/// two paragraphs before it; and blockquotes that cite but are no quote box, which would otherwise slip by.
/// </summary>
public sealed class QuoteBoxChecks(CitedPassages sources, IReadOnlyDictionary<string, Entity> entities, DiagnosticBag diagnostics)
{
    /// <summary>Checks one quote box; null when it could not be checked at all.</summary>
    public QuoteCheck? Check(QuoteBox box, ParsedText text)
    {
        var at = text.Origin.At(box.Block);
        var attributionAt = text.Origin.At(box.AttributionLine, box.AttributionColumn);
        if (box.Speaker is null)
        {
            diagnostics.Error(attributionAt, DiagnosticCodes.BadAttribution,
                "the attribution of a quote box needs the speaker as a cross-link, such as — [[mark-morgan]], at a briefing [@seed, ¶18]");
        }

        if (box.Citation is not { } citation)
        {
            diagnostics.Error(attributionAt, DiagnosticCodes.BadAttribution,
                "the attribution of a quote box needs a citation of where the words are, such as [@seed, ¶18]");
            return null;
        }

        if (QuotationCheck.Of(box.Text, citation.Items, sources) is not { } verdict)
        {
            return null; // An unknown source: the citation checks report it.
        }

        switch (verdict.Status)
        {
            case QuoteStatus.Unverifiable:
                diagnostics.Warning(at, DiagnosticCodes.UnverifiableQuote,
                    $"quote cannot be verified: source '{verdict.Item.Key}' has no text: field to check it against");
                break;
            case QuoteStatus.Misquoted:
                diagnostics.Error(at, DiagnosticCodes.Misquote, QuotationCheck.Misquote(verdict, "the quoted words are"));
                break;
            case QuoteStatus.LocatorNotChecked:
                diagnostics.Warning(at, DiagnosticCodes.LocatorNotChecked, RunningTextChecks.LocatorNotChecked(verdict, "the quoted words"));
                break;
            case QuoteStatus.Verified when verdict.Passage is { } passage && box.Speaker is { } speaker && entities.TryGetValue(speaker.Id, out var entity):
                CheckSpeaker(entity, passage, attributionAt);
                break;
        }

        return new QuoteCheck(verdict.Status, verdict.Item.Key, verdict.Item.Locator);
    }

    /// <summary>A blockquote that cites a source but is no quote box: its words would go unchecked.</summary>
    public void CheckBlockquote(QuoteBlock block, ParsedText text)
    {
        if (block is AlertBlock || QuoteBox.Of(block) is not null || !block.Descendants<CitationInline>().Any())
        {
            return;
        }

        foreach (var paragraph in block.Descendants<ParagraphBlock>())
        {
            if (LazyAttribution(paragraph) is { } line)
            {
                diagnostics.Warning(text.Origin.At(line.Line, line.Column), DiagnosticCodes.LazyContinuation,
                    "the line after this attribution has no blank line before it, so Markdown folds it into the quote and the quote box is lost; " +
                    "leave a blank line after the attribution");
                return;
            }
        }

        diagnostics.Warning(text.Origin.At(block), DiagnosticCodes.UncheckedBlockquote,
            "this blockquote cites a source but has no attribution line, so its words are not checked; end it with " +
            "— [[speaker]], context [@source, ¶N] to make it a quote box");
    }

    // An attribution-like line (a dash first) that is not the paragraph's last line.
    private static LiteralInline? LazyAttribution(ParagraphBlock paragraph)
    {
        var startOfLine = true;
        for (var child = paragraph.Inline?.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is LineBreakInline)
            {
                startOfLine = true;
                continue;
            }

            if (startOfLine && child is LiteralInline literal && StartsWithDash(literal) && HasLaterLine(child))
            {
                return literal;
            }

            startOfLine = false;
        }

        return null;
    }

    private static bool StartsWithDash(LiteralInline literal) => QuoteBoxExtension.LeadingDash(literal.Content).Length > 0;

    private static bool HasLaterLine(Inline inline)
    {
        for (var next = inline.NextSibling; next is not null; next = next.NextSibling)
        {
            if (next is LineBreakInline && next.NextSibling is not null)
            {
                return true;
            }
        }

        return false;
    }

    // SPEC §3: the speaker is named in the cited passage or the two paragraphs before it.
    private void CheckSpeaker(Entity entity, CitedPassage passage, Location at)
    {
        var index = passage.Index;
        if (passage.Range.Hi <= passage.Range.Lo)
        {
            return;
        }

        var first = index.ParagraphOf(passage.Range.Lo);
        var last = index.ParagraphOf(passage.Range.Hi - 1);
        var names = SpeakerNames.Of(entity.Name, entity.Aliases, entity.Kind == "person");
        var (lo, hi) = index.Paragraphs(Math.Max(0, first - 2), last);
        if (names.Any(n => index.Contains(n, lo, hi)))
        {
            return;
        }

        // Where the source does name them (a name within one paragraph), nearest the cited passage, to point the writer
        // there; of two as near, the earlier.
        int? nearest = null;
        foreach (var name in names)
        {
            foreach (var word in index.Occurrences(name))
            {
                var p = index.ParagraphOf(word);
                if (p == index.ParagraphOf(word + name.Length - 1) &&
                    (nearest is not { } best || Math.Abs(p - first) < Math.Abs(best - first) || Math.Abs(p - first) == Math.Abs(best - first) && p < best))
                {
                    nearest = p;
                }
            }
        }

        var cited = Locator.ForParagraphs(first + 1, last + 1).Display;
        var hint = nearest is { } n ? $"; {Locator.ForParagraphs(n + 1, n + 1).Display} does" : $"; '{passage.Source.Id}' never names them";
        diagnostics.Warning(at, DiagnosticCodes.SpeakerNotInSource,
            $"attribution not found in the source: {cited} and the two paragraphs before it do not name {entity.Name}{hint}");
    }
}
