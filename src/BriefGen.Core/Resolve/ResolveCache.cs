using System.Collections.Concurrent;
using BriefGen.Markdown;

namespace BriefGen.Resolve;

/// <summary>
/// What the preview keeps of the resolve stage between rebuilds: each output page's numbering, kept while the page
/// shows the same parsed texts under the same title, path and place in the reading order.
/// </summary>
public sealed class ResolveCache
{
    private ConcurrentDictionary<NumberingKey, PageContext> _pages = new();
    private ConcurrentDictionary<NumberingKey, PageContext> _next = new();

    /// <summary>How many pages were numbered, not served from the cache.</summary>
    public int Misses => _misses;

    private int _misses;

    internal PageContext Number(NumberingKey key, Func<PageContext> number)
    {
        var page = _pages.TryGetValue(key, out var kept) ? kept : null;
        if (page is null)
        {
            Interlocked.Increment(ref _misses);
            page = number();
        }

        _next[key] = page;
        return page;
    }

    private IReadOnlyList<MentionSource> _mentionSources = [];
    private Mentions? _mentions;

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

    /// <summary>Ends one resolve: only what it used is kept for the next.</summary>
    internal void Done()
    {
        _pages = _next;
        _next = new ConcurrentDictionary<NumberingKey, PageContext>();
    }
}

/// <summary>Everything <see cref="PageNumbering"/> reads: the page's title, path, URL, order and texts (documents by identity).</summary>
internal sealed class NumberingKey(string title, string sitePath, string url, int order, bool countsUses, IReadOnlyList<ParsedText> texts)
    : IEquatable<NumberingKey>
{
    private readonly int _hash = Hash(title, sitePath, url, order, countsUses, texts);

    public IReadOnlyList<ParsedText> Texts => texts;

    public bool Equals(NumberingKey? other) =>
        other is not null && _hash == other._hash && title == other.Title && sitePath == other.SitePath && url == other.Url &&
        order == other.Order && countsUses == other.CountsUses && texts.SequenceEqual(other.Texts);

    public override bool Equals(object? obj) => Equals(obj as NumberingKey);

    public override int GetHashCode() => _hash;

    private string Title => title;

    private string SitePath => sitePath;

    private string Url => url;

    private int Order => order;

    private bool CountsUses => countsUses;

    private static int Hash(string title, string sitePath, string url, int order, bool countsUses, IReadOnlyList<ParsedText> texts)
    {
        var hash = new HashCode();
        hash.Add(title, StringComparer.Ordinal);
        hash.Add(sitePath, StringComparer.Ordinal);
        hash.Add(url, StringComparer.Ordinal);
        hash.Add(order);
        hash.Add(countsUses);
        foreach (var text in texts)
        {
            hash.Add(text);
        }

        return hash.ToHashCode();
    }
}
