using BriefGen.Markdown.Citations;
using BriefGen.Model;

namespace BriefGen.Verify;

/// <summary>The words a cited item covers in its source, and whether its locator pinned them.</summary>
public readonly record struct CitedPassage(CitationItem Item, Source Source, SourceIndex Index, (int Lo, int Hi) Range, bool Pinned)
{
    /// <summary>For a page locator of a paginated source, the pages the words must stand on.</summary>
    public PageRange? Pages { get; init; }

    /// <summary>Whether the words [first, last] of the index stand inside this passage (on its pages, for a page locator).</summary>
    public bool Holds((int First, int Last) words)
    {
        if (Pages is not { } pages)
        {
            return true;
        }

        var a = Index.AllWords[words.First];
        var b = Index.AllWords[words.Last];
        return Source.Text!.IsOnPages(Index.ParagraphOf(words.First), a.Start, Index.ParagraphOf(words.Last), b.End, pages.First, pages.Last);
    }
}

/// <summary>
/// Turns citation items into the passages they cite (SPEC §3): a paragraph locator pins paragraphs, no
/// locator means the whole text, and a locator that names no paragraph this source has (<c>sec. 3</c>, free
/// text, a page of a text without pages) leaves the whole text, unpinned — checked, but said so.
/// </summary>
public sealed class CitedPassages(IReadOnlyDictionary<string, Source> sources)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<SourceIndex>> _indexes = new(StringComparer.Ordinal);

    /// <summary>The index of a source with text, built once; threads wait only for the index they need.</summary>
    public SourceIndex IndexOf(Source source) =>
        _indexes.GetOrAdd(source.Id, _ => new Lazy<SourceIndex>(() => new SourceIndex(source.Text!), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>The source an item cites, or null for an unknown key (the citation checks report it).</summary>
    public Source? SourceOf(CitationItem item) => sources.GetValueOrDefault(item.Key);

    /// <summary>
    /// The passages an item cites in a source with text, one per range (<c>¶¶4, 6</c> is two); none for an
    /// unknown source, one without text, or a ¶ beyond the text (the citation checks report that).
    /// </summary>
    public List<CitedPassage> Of(CitationItem item)
    {
        if (SourceOf(item) is not { Text: { } text } source)
        {
            return [];
        }

        var index = IndexOf(source);
        var whole = (0, index.AllWords.Count);
        var locator = item.Locator;
        if (locator.Term == LocatorTerm.None)
        {
            return [new CitedPassage(item, source, index, whole, true)];
        }

        if (locator.Paragraphs.Count > 0)
        {
            return locator.Paragraphs.Any(r => r.Last > text.Paragraphs.Count)
                ? []
                : [.. locator.Paragraphs.Select(r => new CitedPassage(item, source, index, index.Paragraphs(r.First - 1, r.Last - 1), true))];
        }

        if (locator.Pages.Count > 0 && text.HasPages)
        {
            var passages = new List<CitedPassage>();
            foreach (var range in locator.Pages)
            {
                if (text.ParagraphsOnPages(range.First, range.Last) is not { Count: > 0 } paragraphs)
                {
                    return [new CitedPassage(item, source, index, whole, false)];
                }

                passages.Add(new CitedPassage(item, source, index, index.Paragraphs(paragraphs.Min(), paragraphs.Max()), true) { Pages = range });
            }

            return passages;
        }

        return [new CitedPassage(item, source, index, whole, false)];
    }

    /// <summary>
    /// The passages of several items, each alone, and for items of one source whose passages touch, all of
    /// them together (a quote may run from ¶17 into ¶18 when both are cited).
    /// </summary>
    public List<CitedPassage> Of(IEnumerable<CitationItem> items)
    {
        var passages = items.SelectMany(Of).ToList();
        if (passages.Count < 2)
        {
            return passages; // Nothing to join; most sentences cite one passage.
        }

        foreach (var group in passages.Where(p => p.Pinned && p.Pages is null).GroupBy(p => p.Source.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList())
        {
            var sorted = group.OrderBy(p => p.Range.Lo).ToList();
            if (sorted.Zip(sorted.Skip(1)).All(p => p.First.Range.Hi >= p.Second.Range.Lo))
            {
                passages.Add(sorted[0] with { Range = (sorted[0].Range.Lo, sorted.Max(p => p.Range.Hi)) });
            }
        }

        return passages;
    }

    /// <summary>"¶12", "¶¶12–13", or for a paginated source "p. 5" / "pp. 5–6": where a found quotation stands.</summary>
    public static string Where(SourceIndex index, (int First, int Last) words)
    {
        var text = index.Text;
        if (text.HasPages)
        {
            var a = index.AllWords[words.First];
            var b = index.AllWords[words.Last];
            var pages = text.PagesOf(index.ParagraphOf(words.First), a.Start, index.ParagraphOf(words.Last), b.End);
            if (pages.Count > 0)
            {
                return pages.Count == 1 ? $"p. {pages[0].Label}" : $"pp. {pages[0].Label}–{pages[^1].Label}";
            }
        }

        return Locator.ForParagraphs(index.ParagraphOf(words.First) + 1, index.ParagraphOf(words.Last) + 1).Display;
    }
}
