using System.Runtime.CompilerServices;
using BriefGen.Csl;
using BriefGen.Markdown;
using BriefGen.Markdown.Citations;
using BriefGen.Model;

namespace BriefGen.Render.Citations;

/// <summary>One page's notes as the style formats them: each note's text, in-text citations, and citations written in footnotes.</summary>
public sealed class PageNotes
{
    internal Dictionary<int, CslRichText> Notes { get; } = [];

    internal Dictionary<int, InTextCitation?> InText { get; } = [];

    internal Dictionary<CitationInline, CslRichText> InNotes { get; } = new(ReferenceEqualityComparer.Instance);
}

/// <summary>The brief's sources as the style formats them: the processor that knows them, the bibliography and each entry.</summary>
public sealed class FormattedSources
{
    // Processors that know every cited source in the same order, so any of them formats a page's notes to the same
    // text: pages are formatted side by side, each by a processor no other thread is using.
    private readonly System.Collections.Concurrent.ConcurrentBag<CslProcessor> _idle = [];
    private readonly SemaphoreSlim _free = new(Math.Clamp(Environment.ProcessorCount, 1, 8));
    private Func<CslProcessor>? _another;

    internal CslProcessor? Processor { get; private set; }

    /// <summary>
    /// The print page's notes as its last formatting left them, kept by cite and position (the preview's): the print page
    /// repeats every page's notes, and a save changes few of them. Null outside the preview. Its processors know what this
    /// object's processors know, so the memo lives and goes with it.
    /// </summary>
    internal CslCitationMemo? PrintMemo { get; init; }

    /// <summary>Runs <paramref name="use"/> with a processor no other thread holds meanwhile (another like it is made, up to one per core, when all are busy).</summary>
    internal T With<T>(Func<CslProcessor, T> use)
    {
        // At most one processor per core: making one costs its disambiguation pass, so a thread waits for one instead.
        _free.Wait();
        try
        {
            if (!_idle.TryTake(out var processor))
            {
                processor = _another!();
            }

            try
            {
                return use(processor);
            }
            finally
            {
                _idle.Add(processor);
            }
        }
        finally
        {
            _free.Release();
        }
    }

    internal Dictionary<string, CslRichText> Listed { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, CslRichText> Entries { get; } = new(StringComparer.Ordinal);

    /// <summary>Every source in the style's bibliography order; those it does not list follow by title.</summary>
    internal IReadOnlyList<Source> Bibliography { get; private set; } = [];

    internal bool Complete { get; private set; }

    /// <summary>
    /// Formats the bibliography with a processor from <paramref name="newProcessor"/>, which makes one that already knows
    /// every cited source, and keeps it for the notes.
    /// </summary>
    internal void Fill(Func<CslProcessor> newProcessor, IReadOnlyDictionary<string, Source> byId)
    {
        var processor = newProcessor();
        Processor = processor;
        _another = newProcessor;
        _idle.Add(processor);
        var order = new List<string>();
        var listed = processor.FormatBibliography();
        foreach (var entry in listed)
        {
            order.Add(entry.Id);
            Listed[entry.Id] = entry.Text;
        }

        // An entry on its own differs from its place in the list only where the style puts a dash for a repeated author.
        foreach (var entry in processor.SubstitutesAuthors ? processor.FormatBibliography(substituteAuthors: false) : listed)
        {
            Entries[entry.Id] = entry.Text;
        }

        Order(order, byId);
        Complete = true;
    }

    /// <summary>Sets the bibliography's order: the style's, then (a style without a bibliography, or one that prints nothing for a source) by title.</summary>
    internal void Order(IReadOnlyList<string> listed, IReadOnlyDictionary<string, Source> byId) =>
        Bibliography = listed
            .Concat(byId.Values.Where(s => !Listed.ContainsKey(s.Id)).OrderBy(s => s.Title, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => s.Id))
            .Select(id => byId[id]).ToList();
}

/// <summary>
/// What the preview keeps of citation formatting between rebuilds: the processor with the formatted bibliography, and
/// each page's notes, while the style, the sources (the same objects) and the order in which the brief first cites
/// them are unchanged. A page whose numbering is unchanged (the same resolved page) keeps its notes.
/// </summary>
public sealed class CitationCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CitationStyle> _defaults = new(StringComparer.Ordinal);
    private object[] _key = [];
    private FormattedSources? _sources;
    private ConditionalWeakTable<PageContext, PageNotes> _notes = [];
    private PageContext[] _passedPages = [];
    private PageNotes?[] _passedNotes = [];
    private FormattedSources? _passedWith;
    private Dictionary<string, PageNotes> _passedByPath = new(StringComparer.Ordinal);
    private PageContext[] _citedPages = [];
    private Source[] _citedSources = [];
    private IReadOnlyList<string> _cited = [];
    private (CitationStyle Style, string Item, string? Html)? _brief;

    /// <summary>The default style for a language, parsed once.</summary>
    public CitationStyle DefaultStyle(string? language)
    {
        lock (_gate)
        {
            var key = language ?? "";
            return _defaults.TryGetValue(key, out var style) ? style : _defaults[key] = CitationStyle.Default(language);
        }
    }

    internal FormattedSources Sources(CitationStyle style, IReadOnlyList<Source> sources, IReadOnlyList<string> cited)
    {
        object[] key = [style, .. sources, "\0", .. cited];
        lock (_gate)
        {
            if (_sources is { Complete: true } kept && CacheKey.Same(_key, key))
            {
                return kept;
            }

            _key = key;
            _notes = [];
            return _sources = new FormattedSources { PrintMemo = new CslCitationMemo() };
        }
    }

    /// <summary>The cited keys in first-cited order again while the pages, in order, cite the same keys and the sources are the same objects.</summary>
    internal IReadOnlyList<string> Cited(IReadOnlyList<PageContext> pages, IReadOnlyList<Source> sources, Func<IReadOnlyList<string>> list)
    {
        lock (_gate)
        {
            if (SameCited(pages, sources))
            {
                _citedPages = [.. pages];
                return _cited;
            }
        }

        var cited = list();
        lock (_gate)
        {
            _citedPages = [.. pages];
            _citedSources = [.. sources];
            _cited = cited;
        }

        return cited;
    }

    /// <summary>
    /// Whether the first-cited order is what it was: the same source objects, and in each place a page that cites the same
    /// keys in the same order (the same resolved page, or one whose words changed elsewhere than its citations).
    /// </summary>
    private bool SameCited(IReadOnlyList<PageContext> pages, IReadOnlyList<Source> sources)
    {
        if (_citedPages.Length != pages.Count || _citedSources.Length != sources.Count)
        {
            return false;
        }

        for (var i = 0; i < sources.Count; i++)
        {
            if (!ReferenceEquals(_citedSources[i], sources[i]))
            {
                return false;
            }
        }

        for (var i = 0; i < pages.Count; i++)
        {
            if (!ReferenceEquals(_citedPages[i], pages[i]) &&
                !_citedPages[i].Notes.CitedKeys.SequenceEqual(pages[i].Notes.CitedKeys, StringComparer.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The brief's own reference in the style again while the style and the reference's data are the same.</summary>
    internal string? BriefHtml(CitationStyle style, CslItem item, Func<string?> format)
    {
        var data = CslItemWriter.Write([item]);
        lock (_gate)
        {
            if (_brief is { } kept && ReferenceEquals(kept.Style, style) && string.Equals(kept.Item, data, StringComparison.Ordinal))
            {
                return kept.Html;
            }
        }

        var html = format();
        lock (_gate)
        {
            _brief = (style, data, html);
        }

        return html;
    }

    /// <summary>
    /// The notes kept for each of <paramref name="pages"/> (null where there are none), found in one locked pass: a page at
    /// the place it had in the last pass, the same resolved page, takes the notes it had there without a lookup by page.
    /// </summary>
    internal PageNotes?[] Kept(FormattedSources sources, IReadOnlyList<PageContext> pages)
    {
        var kept = new PageNotes?[pages.Count];
        lock (_gate)
        {
            if (!ReferenceEquals(sources, _sources))
            {
                return kept;
            }

            var places = ReferenceEquals(_passedWith, sources) ? Math.Min(_passedPages.Length, pages.Count) : 0;
            for (var i = 0; i < pages.Count; i++)
            {
                kept[i] = i < places && ReferenceEquals(_passedPages[i], pages[i]) ? _passedNotes[i]
                    : _notes.TryGetValue(pages[i], out var notes) ? notes : null;
            }
        }

        return kept;
    }

    /// <summary>
    /// Records a pass: every page's notes by its place, and the notes just <paramref name="formatted"/> by page as well. Returns
    /// the notes by site path (<see cref="CitationFormatter.ByPath"/>), made from the last pass's where few places changed:
    /// copied without hashing every path again, the changed places' entries taken out, then put in.
    /// </summary>
    internal Dictionary<string, PageNotes> Passed(FormattedSources sources, IReadOnlyList<PageContext> pages, PageNotes?[] notes, bool[] formatted)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(sources, _sources))
            {
                return CitationFormatter.ByPath(pages, notes);
            }

            for (var i = 0; i < pages.Count; i++)
            {
                if (formatted[i] && notes[i] is { } made)
                {
                    _notes.AddOrUpdate(pages[i], made);
                }
            }

            var changed = new List<int>();
            if (ReferenceEquals(_passedWith, sources) && _passedPages.Length == pages.Count)
            {
                for (var i = 0; i < pages.Count && changed.Count <= pages.Count / 8; i++)
                {
                    if (!ReferenceEquals(_passedPages[i], pages[i]) || !ReferenceEquals(_passedNotes[i], notes[i]))
                    {
                        changed.Add(i);
                    }
                }
            }

            Dictionary<string, PageNotes> byPath;
            if (ReferenceEquals(_passedWith, sources) && _passedPages.Length == pages.Count && changed.Count <= pages.Count / 8)
            {
                byPath = new Dictionary<string, PageNotes>(_passedByPath, StringComparer.Ordinal);
                foreach (var i in changed)
                {
                    if (_passedNotes[i] is not null)
                    {
                        byPath.Remove(_passedPages[i].SitePath);
                    }
                }

                foreach (var i in changed)
                {
                    if (notes[i] is { } n)
                    {
                        byPath[pages[i].SitePath] = n;
                    }
                }
            }
            else
            {
                byPath = CitationFormatter.ByPath(pages, notes);
            }

            _passedPages = [.. pages];
            _passedNotes = notes;
            _passedByPath = byPath;
            _passedWith = sources;
            return byPath;
        }
    }
}
