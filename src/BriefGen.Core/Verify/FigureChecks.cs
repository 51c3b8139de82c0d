using BriefGen.Diagnostics;
using BriefGen.Markdown.Citations;
using BriefGen.Model;
using BriefGen.Verify.Text;

namespace BriefGen.Verify;

/// <summary>What verification found for a figure.</summary>
public sealed record FigureCheck(bool Verified, bool Verifiable, CitationItem? Item, bool LocatorChecked = true);

/// <summary>A figure's value against the passages its <c>cite</c> names (SPEC §3).</summary>
public sealed class FigureChecks(CitedPassages sources, DiagnosticBag diagnostics)
{
    public FigureCheck? Check(Figure figure, CitationInline citation)
    {
        var item = citation.Items[0];
        if (sources.SourceOf(item) is not { } source)
        {
            return null; // Reported by the citation checks.
        }

        var passages = sources.Of(citation.Items);
        if (source.Text is null || passages.Count == 0)
        {
            diagnostics.Warning(figure.At, DiagnosticCodes.UnverifiableFigure,
                $"figure '{figure.Id}' cannot be verified: source '{source.Id}' has no text: field to check it against");
            return new FigureCheck(false, false, item);
        }

        foreach (var pinned in new[] { true, false })
        {
            if (passages.FirstOrDefault(p => p.Pinned == pinned && FigureMatcher.Contains(p.Index.TextOf(p.Range), figure.Value)) is { Source: not null } found)
            {
                if (!pinned)
                {
                    diagnostics.Warning(figure.At, DiagnosticCodes.LocatorNotChecked,
                        $"figure '{figure.Id}': “{figure.Value}” is in '{found.Source.Id}', but the locator “{found.Item.Locator.Display}” names no " +
                        "paragraph or page of it, so it was checked against the whole text and the locator was not checked; cite a paragraph (¶4)");
                }

                return new FigureCheck(true, true, found.Item, pinned);
            }
        }

        var main = passages[0];
        var cited = main.Item.Locator.Display is { Length: > 0 } d ? $"{d} of '{main.Source.Id}'" : $"'{main.Source.Id}'";
        var elsewhere = Elsewhere(main, figure.Value);
        diagnostics.Error(figure.At, DiagnosticCodes.FigureNotFound,
            $"figure '{figure.Id}': value “{figure.Value}” is not in {cited}; {elsewhere ?? Closest(main, figure.Value)}");
        return new FigureCheck(false, true, item);
    }

    // "it is in ¶12; cite [@seed, ¶12]" when the value stands in another paragraph of the same source.
    private static string? Elsewhere(CitedPassage passage, string value)
    {
        var paragraphs = passage.Source.Text!.Paragraphs;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            if (FigureMatcher.Contains(paragraphs[p], value))
            {
                var where = Locator.ForParagraphs(p + 1, p + 1).Display;
                return $"it is in {where}; cite [@{passage.Source.Id}, {where}]";
            }
        }

        return null;
    }

    // The numbers the cited passage does have, and the sentence of the nearest one.
    private static string Closest(CitedPassage passage, string value)
    {
        var text = passage.Index.TextOf(passage.Range);
        var numbers = Numbers.Find(text);
        if (numbers.Count == 0)
        {
            return "the cited passage has no numbers";
        }

        var digits = new string(value.Where(char.IsDigit).ToArray());
        var best = numbers.OrderByDescending(n => Common(new string(n.Value.Where(char.IsDigit).ToArray()), digits)).First();
        var sentence = Sentences.Split(text).First(s => best.Start >= s.Start && best.Start < s.End);
        var passageText = Markdown.PlainText.Squash(text[sentence.Start..sentence.End]);
        return $"closest passage: “{(passageText.Length > 160 ? passageText[..157] + "…" : passageText)}”";
    }

    private static int Common(string a, string b) => a.Zip(b).TakeWhile(p => p.First == p.Second).Count() * 2 + a.Intersect(b).Count();
}
