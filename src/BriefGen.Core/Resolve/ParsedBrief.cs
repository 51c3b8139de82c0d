using BriefGen.Diagnostics;
using BriefGen.Markdown;
using BriefGen.Model;
using Markdig.Syntax;

namespace BriefGen.Resolve;

/// <summary>A piece of Markdown parsed once, with where it came from.</summary>
public sealed record ParsedText(MarkdownDocument Document, TextOrigin Origin);

/// <summary>
/// Every Markdown text of the brief parsed once, up front, so later stages (citations, links,
/// verification) see all of it before any page renders.
/// </summary>
public sealed class ParsedBrief
{
    private ParsedBrief(
        IReadOnlyDictionary<string, ParsedText> pages,
        ParsedText? briefSummary,
        IReadOnlyDictionary<string, ParsedText> pageSummaries,
        IReadOnlyDictionary<string, ParsedText> entityDescriptions,
        IReadOnlyDictionary<string, ParsedText> eventTexts)
    {
        Pages = pages;
        BriefSummary = briefSummary;
        PageSummaries = pageSummaries;
        EntityDescriptions = entityDescriptions;
        EventTexts = eventTexts;
    }

    public IReadOnlyDictionary<string, ParsedText> Pages { get; }

    public ParsedText? BriefSummary { get; }

    public IReadOnlyDictionary<string, ParsedText> PageSummaries { get; }

    public IReadOnlyDictionary<string, ParsedText> EntityDescriptions { get; }

    public IReadOnlyDictionary<string, ParsedText> EventTexts { get; }

    /// <summary>Every parsed text, in a stable order.</summary>
    public IEnumerable<ParsedText> All()
    {
        if (BriefSummary is not null)
        {
            yield return BriefSummary;
        }

        foreach (var group in new[] { Pages, PageSummaries, EntityDescriptions, EventTexts })
        {
            foreach (var key in group.Keys.Order(StringComparer.Ordinal))
            {
                yield return group[key];
            }
        }
    }

    public static ParsedBrief Parse(BriefContent content, MarkdownEngine markdown, MarkdownSite site, DiagnosticBag diagnostics)
    {
        ParsedText Parse(string text, TextOrigin origin)
        {
            var parsed = new ParsedText(markdown.Parse(text), origin);
            MarkdownEngine.Check(parsed.Document, site, origin, diagnostics);
            return parsed;
        }

        ParsedText ParseField(MarkdownText text) => Parse(text.Value, TextOrigin.From(text));

        var pages = content.Pages
            .AsParallel().AsOrdered()
            .Select(p => (p.Id, Text: Parse(p.Body, TextOrigin.WholeFile(p.At.Path))))
            .ToDictionary(x => x.Id, x => x.Text, StringComparer.Ordinal);

        return new ParsedBrief(
            pages,
            content.Brief.Summary is { } s ? ParseField(s) : null,
            content.Pages.Where(p => p.Summary is not null).ToDictionary(p => p.Id, p => ParseField(p.Summary!), StringComparer.Ordinal),
            content.Entities.Where(e => e.Description is not null)
                .ToDictionary(e => e.Id, e => ParseField(e.Description!), StringComparer.Ordinal),
            content.Events.Where(e => e.Text is not null).ToDictionary(e => e.Id, e => ParseField(e.Text!), StringComparer.Ordinal));
    }
}
