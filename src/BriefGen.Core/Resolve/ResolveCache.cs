using BriefGen.Markdown;
using BriefGen.Model;

namespace BriefGen.Resolve;

/// <summary>
/// What the preview keeps of the resolve stage between rebuilds: each output page's numbering, kept while the page
/// shows the same parsed texts under the same title, path and place in the reading order.
/// </summary>
public sealed class ResolveCache
{
    private readonly PassTable<NumberingKey, PageContext> _pages = new();

    /// <summary>The last reading order, while nav and the pages' ids and orders are the same.</summary>
    public ReadingOrderMemo ReadingOrder { get; } = new();

    /// <summary>The last id index, while every id's target is the same.</summary>
    public IdIndexMemo Ids { get; } = new();

    /// <summary>The last tag index, while every page in reading order carries the same tags.</summary>
    public TagIndexMemo Tags { get; } = new();

    /// <summary>Each text of the brief parsed, by its string and origin: the same object while they are the same.</summary>
    internal PassTable<(string Text, TextOrigin Origin), ParsedText> Texts { get; } = new();

    /// <summary>Each text's raw HTML and link-scheme checks (<see cref="MarkdownEngine.Check"/>).</summary>
    public TextMemo<TextFindings> MarkdownChecks { get; } = new();

    /// <summary>Each text's citation checks.</summary>
    public TextMemo<TextFindings> CitationChecks { get; } = new();

    /// <summary>Each text's cross-link, speaker and page-link checks, and what they read of the site.</summary>
    public LinkCheckCache LinkChecks { get; } = new();

    /// <summary>Each text's undefined footnote references.</summary>
    public TextMemo<TextFindings> FootnoteChecks { get; } = new();

    /// <summary>Each page's scaffold placeholder.</summary>
    public TextMemo<TextFindings> PlaceholderChecks { get; } = new();

    /// <summary>Each text's quote boxes.</summary>
    public TextMemo<IReadOnlyList<Markdown.QuoteBoxes.QuoteBox>> QuoteBoxes { get; } = new();

    /// <summary>Each text's images.</summary>
    public TextMemo<IReadOnlyList<Markdig.Syntax.Inlines.LinkInline>> Images { get; } = new();

    /// <summary>How many pages were numbered, not served from the cache.</summary>
    public int Misses => _pages.Misses;

    /// <summary>Starts numbering the output pages: <paramref name="pages"/> of them, each at its place in the list of pages to number.</summary>
    internal void BeginNumbering(int pages) => _pages.Begin(pages);

    internal PageContext Number(int slot, NumberingKey key, Func<PageContext> number) => _pages.Of(slot, key, number, SameKey);

    private static readonly Func<NumberingKey, NumberingKey, bool> SameKey = (a, b) => a.SameAs(b);

    /// <summary>
    /// The numbering the brief's page at <paramref name="slot"/> had in the last pass, when it is the same page showing the
    /// same texts: the same id and title objects (the load cache hands back the same page for an unchanged file), the same
    /// place in the reading order, the same base URL, and the same parsed texts; null otherwise, and the page is numbered
    /// through its key. The home page, which also shows the brief's summary and the figures, always goes through its key.
    /// </summary>
    internal PageContext? KeptPage(int slot, Page page, string baseUrl, ParsedBrief parsed) =>
        !page.IsHome && _pages.Kept(slot, (page, slot, baseUrl, parsed), SamePage, out var kept) ? kept : null;

    private static readonly Func<NumberingKey, (Page Page, int At, string BaseUrl, ParsedBrief Parsed), bool> SamePage = static (key, s) =>
    {
        if (!ReferenceEquals(key.PageId, s.Page.Id) || !ReferenceEquals(key.Title, s.Page.Title) || key.Order != s.At || !key.CountsUses ||
            key.Url.Length != s.BaseUrl.Length + key.SitePath.Length || !key.Url.StartsWith(s.BaseUrl, StringComparison.Ordinal) ||
            !s.Parsed.Pages.TryGetValue(s.Page.Id, out var body))
        {
            return false;
        }

        // A page other than home shows its summary, if it has one, then its body (OutputPages.PageTexts).
        return s.Parsed.PageSummaries.TryGetValue(s.Page.Id, out var summary)
            ? key.Texts.Count == 2 && ReferenceEquals(key.Texts[0], summary) && ReferenceEquals(key.Texts[1], body)
            : key.Texts.Count == 1 && ReferenceEquals(key.Texts[0], body);
    };

    private IReadOnlyList<MentionSource> _mentionSources = [];
    private Mentions? _mentions;

    /// <summary>The texts that linked at the last resolve, in order; null before the first.</summary>
    internal IReadOnlyList<MentionSource>? LastMentionSources => _mentions is null ? null : _mentionSources;

    /// <summary>The last mentions again when every text makes the same ones; else <paramref name="make"/>'s.</summary>
    internal Mentions Mentions(IReadOnlyList<MentionSource> sources, Func<Mentions> make)
    {
        if (_mentions is { } kept && sources.Count == _mentionSources.Count && sources.Zip(_mentionSources).All(x => x.First.Same(x.Second)))
        {
            _mentionSources = sources;
            return kept;
        }

        _mentionSources = sources;
        return _mentions = make();
    }

    /// <summary>Ends one resolve: what it did not use is forgotten, a batch at a time.</summary>
    internal void Done() => _pages.End();
}

/// <summary>Everything <see cref="PageNumbering"/> reads: the page's title, path, URL, order and texts (documents by identity).</summary>
internal sealed record NumberingKey(string Title, string SitePath, string Url, int Order, bool CountsUses, IReadOnlyList<ParsedText> Texts)
{
    /// <summary>The id of the brief's page numbered under this key, whose path it is made from; null for the other pages. Not compared.</summary>
    public string? PageId { get; init; }

    // A text's document is the same object while its text is unchanged: hashed by reference, not by its origin's path.
    // Hashed when first asked for: a key found at its place in the last pass (SameAs) is never hashed.
    private int _hash;

    public bool Equals(NumberingKey? other) =>
        other is not null && GetHashCode() == other.GetHashCode() && Title == other.Title && SitePath == other.SitePath && Url == other.Url &&
        Order == other.Order && CountsUses == other.CountsUses && Texts.SequenceEqual(other.Texts);

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var hash = HashCode.Combine(SitePath, Order, CountsUses,
                Texts.Aggregate(0, (h, t) => HashCode.Combine(h, System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(t.Document))));
            _hash = hash == 0 ? 1 : hash;
        }

        return _hash;
    }

    // The same string object needs no look at its characters (an unchanged page's title is the one the load cache kept).
    private static bool Same(string a, string b) => ReferenceEquals(a, b) || string.Equals(a, b, StringComparison.Ordinal);

    /// <summary>Equal to <paramref name="other"/>, told without hashing: the same strings and the same text objects in the same order.</summary>
    internal bool SameAs(NumberingKey other)
    {
        if (Order != other.Order || CountsUses != other.CountsUses || Texts.Count != other.Texts.Count ||
            !Same(Title, other.Title) || !Same(SitePath, other.SitePath) || !Same(Url, other.Url))
        {
            return false;
        }

        for (var i = 0; i < Texts.Count; i++)
        {
            if (!ReferenceEquals(Texts[i], other.Texts[i]))
            {
                return false;
            }
        }

        return true;
    }
}
