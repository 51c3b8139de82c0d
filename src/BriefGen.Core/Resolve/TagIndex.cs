using BriefGen.Model;

namespace BriefGen.Resolve;

/// <summary>One tag of the brief and the pages that carry it, in reading order.</summary>
public sealed record Tag(string Name, IReadOnlyList<Page> Pages)
{
    /// <summary>The tag's page, /tags/&lt;tag&gt;/: tags are words of lowercase letters, digits and '-', so the name is its own slug.</summary>
    public string SitePath => SitePaths.Tag(Name);
}

/// <summary>The pages by tag (front matter <c>tags:</c>), decided once for every page that lists or links tags.</summary>
public sealed class TagIndex
{
    private readonly Dictionary<string, Tag> _byName;

    internal TagIndex(IReadOnlyList<Tag> all)
    {
        All = all;
        _byName = all.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>Every tag some published page carries, sorted by name (ordinal).</summary>
    public IReadOnlyList<Tag> All { get; }

    public Tag? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The tags of the pages in <paramref name="readingOrder"/> (drafts left out of the build carry none).</summary>
    public static TagIndex Of(IReadOnlyList<Page> readingOrder) => new(
        readingOrder
            .SelectMany(page => page.Tags.Select(tag => (tag, page)))
            .GroupBy(x => x.tag, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Tag(g.Key, g.Select(x => x.page).ToList()))
            .ToList());
}

/// <summary>
/// The last tag index, kept while the reading order holds as many pages and each place holds the same page or one with
/// the same tags (the preview's): the tags of a page whose words changed then list the new page object in the old one's
/// place, and every other tag is the same object as before.
/// </summary>
public sealed class TagIndexMemo
{
    private Page[] _order = [];
    private TagIndex? _index;

    internal TagIndex Of(IReadOnlyList<Page> readingOrder)
    {
        var now = readingOrder as Page[] ?? [.. readingOrder];
        var moved = new Dictionary<Page, Page>(ReferenceEqualityComparer.Instance);
        var same = _index is not null && _order.Length == now.Length;
        for (var i = 0; same && i < now.Length; i++)
        {
            if (!ReferenceEquals(_order[i], now[i]))
            {
                same = _order[i].Tags.SequenceEqual(now[i].Tags, StringComparer.Ordinal) && moved.TryAdd(_order[i], now[i]);
            }
        }

        if (!same)
        {
            _index = TagIndex.Of(now);
        }
        else if (moved.Count > 0)
        {
            var renamed = moved.Values.SelectMany(p => p.Tags).ToHashSet(StringComparer.Ordinal);
            _index = new TagIndex(_index!.All
                .Select(tag => renamed.Contains(tag.Name) ? tag with { Pages = [.. tag.Pages.Select(p => moved.GetValueOrDefault(p, p))] } : tag)
                .ToList());
        }

        _order = now;
        return _index!;
    }
}
