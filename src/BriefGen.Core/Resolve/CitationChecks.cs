using BriefGen.Diagnostics;
using BriefGen.Markdown.Citations;
using BriefGen.Model;
using Markdig.Syntax;

namespace BriefGen.Resolve;

/// <summary>
/// Checks every citation in the brief: the key names a source, and a paragraph locator stays within
/// the source text's paragraphs. Reports at the citation's line and column.
/// </summary>
public static class CitationChecks
{
    /// <summary>Checks all citations; returns how many cited items there are.</summary>
    /// <remarks>
    /// Keys in <paramref name="unloaded"/> name sources whose own error is already reported; they are not reported again.
    /// With a <paramref name="memo"/> (the preview), a text is read again only when it or the sources' keys and lengths changed.
    /// </remarks>
    public static int Run(ParsedBrief parsed, IReadOnlyDictionary<string, Source> sources, DiagnosticBag diagnostics,
        IReadOnlySet<string>? unloaded = null, TextMemo<TextFindings>? memo = null)
    {
        var texts = parsed.All();
        memo?.Begin(texts.Count, Context(sources, unloaded));
        var count = 0;
        for (var slot = 0; slot < texts.Count; slot++)
        {
            var text = texts[slot];
            count += TextMemo<TextFindings>.Read(memo, slot, text, "", (text, sources, unloaded), static s => TextFindings.Of(found =>
            {
                var items = 0;
                foreach (var node in Markdown.MarkdownNodes.Of(s.text.Document))
                {
                    if (node is CitationInline citation)
                    {
                        items += citation.Items.Count;
                        Check(citation, s.text, s.sources, found, s.unloaded);
                    }
                }

                return items;
            })).ReportTo(diagnostics);
        }

        memo?.End();

        foreach (var (id, cite) in parsed.FigureCites)
        {
            var only = cite.Document.Count == 1 && cite.Document[0] is ParagraphBlock { Inline: { } inline } &&
                       inline.FirstChild is CitationInline && inline.FirstChild.NextSibling is null;
            if (!only)
            {
                diagnostics.Error(cite.Origin.Start, DiagnosticCodes.MalformedCitation,
                    $"the cite of figure '{id}' must be one citation, such as \"[@seed, ¶2]\"");
            }
        }

        return count;
    }

    /// <summary>What a text's check reads besides the text: each source's key and paragraph count, and the unloaded keys.</summary>
    private static string Context(IReadOnlyDictionary<string, Source> sources, IReadOnlySet<string>? unloaded)
    {
        var context = new System.Text.StringBuilder();
        foreach (var (key, source) in sources)
        {
            context.Append(key).Append('\t').Append(source.Text?.Paragraphs.Count ?? -1).Append('\n');
        }

        context.Append('\0');
        foreach (var key in unloaded ?? new HashSet<string>())
        {
            context.Append(key).Append('\n');
        }

        return context.ToString();
    }

    public static void Check(CitationInline citation, ParsedText text, IReadOnlyDictionary<string, Source> sources, DiagnosticBag diagnostics,
        IReadOnlySet<string>? unloaded = null)
    {
        foreach (var problem in citation.Problems)
        {
            diagnostics.Error(text.Origin.At(problem.Line, problem.Column), problem.Code, problem.Message);
        }

        foreach (var item in citation.Items)
        {
            var at = text.Origin.At(item.Line, item.Column);
            if (!sources.TryGetValue(item.Key, out var source))
            {
                if (unloaded?.Contains(item.Key) == true)
                {
                    continue;
                }

                var near = Suggestions.Near(item.Key, sources.Keys);
                diagnostics.Error(at, DiagnosticCodes.UnknownSource,
                    $"citation key '@{item.Key}' is not in sources.yml" + (near.Count > 0 ? $" (did you mean {string.Join(", ", near.Select(k => "@" + k))}?)" : ""));
                continue;
            }

            if (item.Locator.IsParagraphs && source.Text is { } sourceText && item.Locator.Paragraphs.Max(r => r.Last) > sourceText.Paragraphs.Count)
            {
                diagnostics.Error(at, DiagnosticCodes.LocatorOutOfRange,
                    $"{item.Locator.Display} is beyond the text of '{item.Key}', which has {sourceText.Paragraphs.Count} paragraphs (¶1–¶{sourceText.Paragraphs.Count})");
            }
        }
    }
}
