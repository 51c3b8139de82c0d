using Markdig.Syntax.Inlines;

namespace BriefGen.Markdown.Citations;

/// <summary>How a citation item names its source, as Pandoc's citation modes.</summary>
public enum CitationMode
{
    /// <summary><c>[@a]</c>: a note (or parenthetical) citation.</summary>
    Normal,

    /// <summary><c>[-@a]</c> or <c>-@a</c>: the author is already named in the text.</summary>
    SuppressAuthor,

    /// <summary><c>@a</c> or <c>@a [p. 33]</c>: the citation is part of the sentence ("Smith says").</summary>
    AuthorInText,
}

/// <summary>
/// One cited source inside a citation: <c>see @seed, ¶4, emphasis added</c>. <see cref="Prefix"/> and
/// <see cref="Suffix"/> are Markdown as written (white space runs made single spaces); <see cref="SuffixAsWritten"/>
/// is everything after the locator, separating comma included, as Pandoc passes it to citeproc.
/// <see cref="Line"/> and <see cref="Column"/> are the 0-based position of the item's <c>@</c> in the Markdown.
/// </summary>
public sealed record CitationItem(string Key, CitationMode Mode, string Prefix, Locator Locator, string Suffix)
{
    /// <summary>Indexes of keys written inside the prefix or suffix (<c>[see @a and @b]</c>), which Pandoc reads as nested citations.</summary>
    internal IReadOnlyList<int> NestedKeys { get; init; } = [];

    /// <summary>The signal that leads the prefix (<c>see</c>, <c>cf.</c> …), or <see cref="Signal.None"/>.</summary>
    public Signal Signal => Signals.Of(Prefix);

    /// <summary>The text after the locator as written, with its leading comma or space: <c>, emphasis added</c>.</summary>
    public string SuffixAsWritten { get; init; } = "";

    public int Line { get; init; }

    public int Column { get; init; }
}

/// <summary>
/// Something in a citation the build must refuse — a paragraph or page locator that cannot be read, a key inside
/// another item's prefix or suffix — with its diagnostic code and 0-based line and column.
/// </summary>
public sealed record CitationProblem(string Code, string Message, int Line, int Column);

/// <summary>
/// A Pandoc citation: bracketed <c>[@a, ¶4; @b, p. 12]</c> or in-text <c>@a</c>, <c>@a [p. 33]</c>, with one or
/// more items. Locators that name paragraphs or pages but cannot be read are in <see cref="Problems"/> for the
/// resolve stage to report.
/// </summary>
public sealed class CitationInline : LeafInline
{
    public required IReadOnlyList<CitationItem> Items { get; init; }

    /// <summary>The citation as written, brackets included: <c>[see @a, ¶4]</c>, <c>@a [p. 33]</c>.</summary>
    public required string Source { get; init; }

    /// <summary>Whether it was written without brackets around its first item (<c>@a says</c>).</summary>
    public bool InText => !Source.StartsWith('[');

    /// <summary>
    /// Set when the citation was written inside a link's text (<c>[a link [@a] in text](…)</c>): it has been moved
    /// to just after the link, since a note mark is itself a link and links cannot nest.
    /// </summary>
    public bool MovedOutOfLink { get; internal set; }

    public IReadOnlyList<CitationProblem> Problems { get; init; } = [];
}
