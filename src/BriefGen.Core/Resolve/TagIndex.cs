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

    private TagIndex(IReadOnlyList<Tag> all)
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
