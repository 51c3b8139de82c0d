using Markdig.Syntax.Inlines;

namespace BriefGen.Markdown.Citations;

/// <summary>One cited source inside a citation: <c>see @seed, ¶4, emphasis added</c>.</summary>
public sealed record CitationItem(string Prefix, string Key, Locator Locator, string Suffix, int KeyOffset);

/// <summary>
/// A Pandoc-style bracketed citation, <c>[@a, ¶4; @b, p. 12]</c>: one or more items. Raw locator
/// text that could not be read is kept in <see cref="Malformed"/> for the resolve stage to report.
/// </summary>
public sealed class CitationInline : LeafInline
{
    public required IReadOnlyList<CitationItem> Items { get; init; }

    public required string Source { get; init; }

    /// <summary>Locator texts that start like ¶ or p. but do not read as one, with their offsets.</summary>
    public IReadOnlyList<(string Text, int Offset)> Malformed { get; init; } = [];
}
