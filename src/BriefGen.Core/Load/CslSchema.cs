namespace BriefGen.Load;

/// <summary>The variables and item types of CSL 1.0.2, which sources.yml entries are made of.</summary>
internal static class CslSchema
{
    public static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter",
        "classic", "collection", "dataset", "document", "entry", "entry-dictionary", "entry-encyclopedia", "event",
        "figure", "graphic", "hearing", "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
        "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical", "personal_communication",
        "post", "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech", "standard",
        "thesis", "treaty", "webpage",
    };

    public static readonly HashSet<string> NameVariables = new(StringComparer.Ordinal)
    {
        "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor", "curator",
        "director", "editor", "editorial-director", "executive-producer", "guest", "host", "illustrator", "interviewer",
        "narrator", "organizer", "original-author", "performer", "producer", "recipient", "reviewed-author",
        "script-writer", "series-creator", "translator",
    };

    public static readonly HashSet<string> DateVariables = new(StringComparer.Ordinal)
    {
        "accessed", "available-date", "event-date", "issued", "original-date", "submitted",
    };

    public static readonly HashSet<string> TextVariables = new(StringComparer.Ordinal)
    {
        "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place", "authority",
        "call-number", "chapter-number", "citation-key", "citation-label", "citation-number", "collection-number",
        "collection-title", "container-title", "container-title-short", "dimensions", "division", "DOI", "edition",
        "event", "event-place", "event-title", "first-reference-note-number", "genre", "ISBN", "ISSN", "issue",
        "jurisdiction", "keyword", "language", "license", "locator", "medium", "note", "number", "number-of-pages",
        "number-of-volumes", "original-publisher", "original-publisher-place", "original-title", "page", "page-first",
        "part-number", "part-title", "PMCID", "PMID", "printing-number", "publisher", "publisher-place", "references",
        "reviewed-genre", "reviewed-title", "scale", "section", "source", "status", "supplement-number", "title",
        "title-short", "URL", "version", "volume", "volume-title", "volume-title-short", "year-suffix",
    };

    /// <summary>Fields that are BriefGen's own, not CSL, and are not exported to CSL-JSON.</summary>
    public static readonly HashSet<string> OwnFields = new(StringComparer.Ordinal)
    {
        "text", "publish_text", "sha256", "archive_url", "archive_date",
    };

    public static readonly HashSet<string> NameParts = new(StringComparer.Ordinal)
    {
        "family", "given", "literal", "dropping-particle", "non-dropping-particle", "suffix", "comma-suffix", "static-ordering",
    };

    /// <summary>The fields of a date written as a CSL-JSON date object.</summary>
    public static readonly HashSet<string> DateParts = new(StringComparer.Ordinal)
    {
        "date-parts", "circa", "season", "literal", "raw",
    };

    /// <summary>Every field a source may have, for "did you mean" suggestions.</summary>
    public static IEnumerable<string> AllFields =>
        ["id", "type", "categories", .. NameVariables, .. DateVariables, .. TextVariables, .. OwnFields];

    public static bool IsVariable(string name) =>
        name is "id" or "type" or "categories" || NameVariables.Contains(name) || DateVariables.Contains(name) ||
        TextVariables.Contains(name);
}
