using BriefGen.Markdown.Citations;
using BriefGen.Model;

namespace BriefGen.Verify;

/// <summary>The words a cited item covers in its source, and whether its locator pinned them.</summary>
public readonly record struct CitedPassage(CitationItem Item, Source Source, SourceIndex Index, (int Lo, int Hi) Range, bool Pinned);

/// <summary>
/// Turns citation items into the passages they cite (SPEC §3): a paragraph locator pins paragraphs, no
/// locator means the whole text, and a locator that names no paragraph this source has (<c>sec. 3</c>, free
/// text, a page of a text without pages) leaves the whole text, unpinned — checked, but said so.
/// </summary>
public sealed class CitedPassages(IReadOnlyDictionary<string, Source> sources)
{
    private readonly Dictionary<string, SourceIndex> _indexes = new(StringComparer.Ordinal);

    /// <summary>The index of a source with text, built once.</summary>
    public SourceIndex IndexOf(Source source)
    {
        lock (_indexes)
        {
            return _indexes.TryGetValue(source.Id, out var index) ? index : _indexes[source.Id] = new SourceIndex(source.Text!);
        }
    }

    /// <summary>The source an item cites, or null for an unknown key (the citation checks report it).</summary>
    public Source? SourceOf(CitationItem item) => sources.GetValueOrDefault(item.Key);

    /// <summary>The passage an item cites in a source with text; null for an unknown source, one without text, or a ¶ beyond the text.</summary>
    public CitedPassage? Of(CitationItem item)
    {
        if (SourceOf(item) is not { Text: not null } source)
        {
            return null;
        }

        var index = IndexOf(source);
        var locator = item.Locator;
        switch (locator.Kind)
        {
            case LocatorKind.None:
                return new CitedPassage(item, source, index, (0, index.AllWords.Count), true);
            case LocatorKind.Paragraph when locator.End <= source.Text.Paragraphs.Count:
                return new CitedPassage(item, source, index, index.Paragraphs(locator.Start - 1, locator.End - 1), true);
            case LocatorKind.Paragraph:
                return null; // Beyond the text: reported by the citation checks.
            default:
                return new CitedPassage(item, source, index, (0, index.AllWords.Count), false);
        }
    }

    /// <summary>
    /// The passages of several items, each alone, and for items of one source whose passages touch, all of
    /// them together (a quote may run from ¶17 into ¶18 when both are cited).
    /// </summary>
    public List<CitedPassage> Of(IEnumerable<CitationItem> items)
    {
        var passages = items.Select(Of).OfType<CitedPassage>().ToList();
        foreach (var group in passages.Where(p => p.Pinned).GroupBy(p => p.Source.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList())
        {
            var sorted = group.OrderBy(p => p.Range.Lo).ToList();
            if (sorted.Zip(sorted.Skip(1)).All(p => p.First.Range.Hi >= p.Second.Range.Lo))
            {
                passages.Add(sorted[0] with { Range = (sorted[0].Range.Lo, sorted.Max(p => p.Range.Hi)) });
            }
        }

        return passages;
    }

    /// <summary>"¶12" or "¶¶12–13": where a found quotation stands in its source.</summary>
    public static string Where(SourceIndex index, (int First, int Last) words)
    {
        var first = index.ParagraphOf[words.First] + 1;
        var last = index.ParagraphOf[words.Last] + 1;
        return first == last
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"¶{first}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"¶¶{first}–{last}");
    }
}
