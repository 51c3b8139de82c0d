using BriefGen.Diagnostics;

namespace BriefGen.Model;

/// <summary>Markdown held in a YAML field, with where it starts so diagnostics inside it point into the file.</summary>
public sealed record MarkdownText(string Value, Location Start);

/// <summary>An author of the brief.</summary>
public sealed record Author(string Name, string? Affiliation);

/// <summary>content/brief.yml.</summary>
public sealed record BriefInfo(
    string Title,
    string? Subtitle,
    MarkdownText? Summary,
    string Language,
    PartialDate? Date,
    IReadOnlyList<Author> Authors,
    string? License,
    string BaseUrl,
    string? SiteUrl,
    bool AllowHtml,
    IReadOnlyList<string> Nav,
    Location At)
{
    /// <summary>Where each item of <see cref="Nav"/> is written in brief.yml, index for index.</summary>
    public IReadOnlyList<Location> NavAt { get; init; } = [];

    /// <summary>The CSL style and locale (<c>csl:</c>, <c>locale:</c>); null for the default style in the language's locale.</summary>
    public CitationStyle? Style { get; init; }
}

/// <summary>A Markdown page of content/pages/. <see cref="Body"/> keeps the file's line numbers (front matter blanked).</summary>
public sealed record Page(
    string Id,
    string Title,
    MarkdownText? Summary,
    int? Order,
    string Layout,
    bool Draft,
    string Body,
    Location At)
{
    public bool IsHome => Id == "index";

    /// <summary>The page's front-matter tags, in file order without repeats (SPEC §2).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>When the page was published (front matter <c>date:</c>): shown on the page, and the feed's published date.</summary>
    public PartialDate? Date { get; init; }

    /// <summary>When the page last changed in substance (front matter <c>updated:</c>): the feed's updated date.</summary>
    public PartialDate? Updated { get; init; }
}

/// <summary>A bibliography entry: CSL variables in file order, plus BriefGen's own fields.</summary>
public sealed record Source(
    string Id,
    IReadOnlyList<KeyValuePair<string, object>> Csl,
    SourceText? Text,
    bool PublishText,
    Location At)
{
    /// <summary>The <c>sha256:</c> the text file must have (lowercase hex), when sources.yml pins it.</summary>
    public string? Sha256 { get; init; }

    /// <summary>An archived copy of the source (<c>archive_url:</c>).</summary>
    public string? ArchiveUrl { get; init; }

    /// <summary>When that archived copy was made (<c>archive_date:</c>).</summary>
    public PartialDate? ArchiveDate { get; init; }

    public string? Get(string variable) =>
        Csl.FirstOrDefault(kv => kv.Key == variable).Value as string;

    public object? GetValue(string variable) =>
        Csl.FirstOrDefault(kv => kv.Key == variable).Value;

    /// <summary>The title as plain text, for &lt;title&gt;, links and search; the id when there is none.</summary>
    public string Title => Get("title") ?? Id;
}

/// <summary>A person, organization, court, policy, law, place or concept.</summary>
public sealed record Entity(
    string Id,
    string Name,
    string Kind,
    string? Role,
    IReadOnlyList<string> Aliases,
    MarkdownText? Description,
    Location At);

/// <summary>A dated event of the timeline.</summary>
public sealed record TimelineEvent(string Id, PartialDate Date, string Title, MarkdownText? Text, Location At);

/// <summary>A number the brief relies on, as written in its source.</summary>
public sealed record Figure(string Id, string Value, string Label, MarkdownText Cite, Location At);

/// <summary>Everything under content/, loaded and checked for shape.</summary>
public sealed record BriefContent(
    BriefInfo Brief,
    IReadOnlyList<Page> Pages,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<TimelineEvent> Events,
    IReadOnlyList<Figure> Figures)
{
    /// <summary>Ids of draft pages left out of this build (no --drafts); nav may still name them.</summary>
    public IReadOnlyList<string> LeftOutDrafts { get; init; } = [];

    /// <summary>
    /// Ids that content declares but that did not load, because their file or entry has an error already
    /// reported. Links, citations and nav items naming them are not reported again: the first cause is enough.
    /// </summary>
    public IReadOnlySet<string> Unloaded { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
