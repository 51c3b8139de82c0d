using System.Collections.Frozen;

namespace BriefGen.Csl;

/// <summary>The CSL 1.0.2 variable names, by kind.</summary>
public static class CslVariables
{
    /// <summary>Name variables.</summary>
    public static readonly FrozenSet<string> NameVariables = FrozenSet.Create(StringComparer.Ordinal,
        "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor",
        "curator", "director", "editor", "editorial-director", "editor-translator", "executive-producer",
        "guest", "host", "illustrator", "interviewer", "narrator", "organizer", "original-author",
        "performer", "producer", "recipient", "reviewed-author", "script-writer", "series-creator",
        "translator");

    /// <summary>Date variables.</summary>
    public static readonly FrozenSet<string> DateVariables = FrozenSet.Create(StringComparer.Ordinal,
        "accessed", "available-date", "event-date", "issued", "original-date", "submitted");

    /// <summary>Number variables (rendered by <c>cs:number</c> and tested by <c>is-numeric</c>).</summary>
    public static readonly FrozenSet<string> NumberVariables = FrozenSet.Create(StringComparer.Ordinal,
        "chapter-number", "citation-number", "collection-number", "edition", "first-reference-note-number",
        "issue", "locator", "number", "number-of-pages", "number-of-volumes", "page", "page-first",
        "part-number", "printing-number", "section", "supplement-number", "version", "volume");

    /// <summary>Standard (string) variables of the CSL-JSON input schema.</summary>
    public static readonly FrozenSet<string> StandardVariables = FrozenSet.Create(StringComparer.Ordinal,
        "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place",
        "authority", "call-number", "citation-key", "citation-label", "collection-title",
        "container-title", "container-title-short", "dimensions", "division", "DOI", "event",
        "event-title", "event-place", "genre", "ISBN", "ISSN", "jurisdiction", "keyword", "language",
        "license", "medium", "note", "original-publisher", "original-publisher-place",
        "original-title", "part-title", "PMCID", "PMID", "publisher", "publisher-place", "references",
        "reviewed-genre", "reviewed-title", "scale", "source", "status", "title", "title-short", "URL",
        "volume-title", "year-suffix");
}
