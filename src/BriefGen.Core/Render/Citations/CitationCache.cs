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
    private object[] _citedKey = [];
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

    /// <summary>The cited keys in first-cited order again while the pages (the same resolved pages, in order) and the sources are the same objects.</summary>
    internal IReadOnlyList<string> Cited(IReadOnlyList<PageContext> pages, IReadOnlyList<Source> sources, Func<IReadOnlyList<string>> list)
    {
        object[] key = [.. pages, "\0", .. sources];
        lock (_gate)
        {
            if (CacheKey.Same(_citedKey, key))
            {
                return _cited;
            }
        }

        var cited = list();
        lock (_gate)
        {
            _citedKey = key;
            _cited = cited;
        }

        return cited;
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

    internal PageNotes? Notes(FormattedSources sources, PageContext page)
    {
        lock (_gate)
        {
            return ReferenceEquals(sources, _sources) && _notes.TryGetValue(page, out var notes) ? notes : null;
        }
    }

    internal void Keep(FormattedSources sources, PageContext page, PageNotes notes)
    {
        lock (_gate)
        {
            if (ReferenceEquals(sources, _sources))
            {
                _notes.AddOrUpdate(page, notes);
            }
        }
    }
}
