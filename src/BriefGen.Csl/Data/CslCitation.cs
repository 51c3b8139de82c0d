namespace BriefGen.Csl;

/// <summary>
/// One cite inside a citation: the item id, an optional locator with its CSL locator term
/// (<c>page</c>, <c>paragraph</c>, <c>section</c>, <c>chapter</c>, <c>sub-verbo</c> …), prefix and suffix,
/// and the author flags (<c>[-@key]</c> suppresses the author; in-text <c>@key</c> shows the author only).
/// </summary>
public sealed record CslCitationItem(string Id)
{
    /// <summary>The locator text, e.g. <c>33-35</c>.</summary>
    public string? Locator { get; init; }

    /// <summary>The CSL locator term for <see cref="Locator"/>; default <c>page</c>.</summary>
    public string Label { get; init; } = "page";

    /// <summary>Text before the cite (e.g. <c>see</c>); may carry <c>&lt;i&gt;</c> markup.</summary>
    public string? Prefix { get; init; }

    /// <summary>Text after the cite (e.g. <c>, and passim</c>).</summary>
    public string? Suffix { get; init; }

    /// <summary>Leave out the author (the first names the cite would print), as Pandoc's <c>[-@key]</c>.</summary>
    public bool SuppressAuthor { get; init; }

    /// <summary>Print only the author (the first names the cite would print), as the in-text part of Pandoc's <c>@key</c>.</summary>
    public bool AuthorOnly { get; init; }
}

/// <summary>
/// A citation (one note in a note style, one parenthetical in an author-date style): its cites
/// in order and, for note styles, the number of the note that holds it (used for <c>near-note</c>
/// and <c>first-reference-note-number</c>; default: the citation's 1-based index).
/// </summary>
public sealed record CslCitation(IReadOnlyList<CslCitationItem> Items)
{
    /// <summary>The footnote number, or null for the citation's index (1-based) in document order.</summary>
    public int? NoteNumber { get; init; }

    /// <summary>Keep the cites in the given order even when the style sorts citations.</summary>
    public bool Unsorted { get; init; }
}

/// <summary>The position of a cite relative to earlier cites of the same item (CSL 1.0.2).</summary>
public enum CslPosition
{
    /// <summary>The first cite of the item.</summary>
    First,
    /// <summary>A later cite, not immediately after one of the same item.</summary>
    Subsequent,
    /// <summary>Immediately after a cite of the same item, same locator (or neither has one).</summary>
    Ibid,
    /// <summary>Immediately after a cite of the same item, with a different locator.</summary>
    IbidWithLocator,
}

/// <summary>One formatted citation.</summary>
public sealed record CslCitationResult(CslRichText Text, IReadOnlyList<CslPosition> Positions);

/// <summary>One formatted bibliography entry.</summary>
public sealed record CslBibliographyEntry(string Id, CslRichText Text);
