using BriefGen.Csl;
using BriefGen.Diagnostics;
using BriefGen.Markdown;
using BriefGen.Markdown.Citations;
using BriefGen.Model;

namespace BriefGen.Render.Citations;

/// <summary>
/// Everything the brief shows of its sources, formatted once by the brief's CSL style before any page renders:
/// the bibliography in the style's order, each source's entry on its own, and the text of every note of every
/// page, its position (first, subsequent, ibid) counted through that page's notes in number order. Immutable
/// afterwards, so pages read it in any order and in parallel.
/// </summary>
public sealed class CitationFormatter
{
    private readonly Dictionary<string, PageNotes> _pages;
    private readonly FormattedSources _sources;
    private readonly Func<CancellationToken, PageNotes?>? _formatPrint;
    private readonly Lock _printGate = new();
    private PageNotes? _print;
    private bool _printDone;
    private readonly string? _printPath;
    private bool _failed;

    /// <summary>
    /// Formats the notes of <c>pages</c> and the bibliography now; the notes of <c>print</c>, the page that repeats every
    /// page, only if something asks for them. With the preview's <c>cache</c>, the processor, the bibliography and each
    /// page's notes are kept while the style, the sources and the order in which the brief first cites them stay the same.
    /// </summary>
    public CitationFormatter(CitationStyle style, IReadOnlyList<Source> sources, IEnumerable<PageContext> pages, DiagnosticBag diagnostics,
        CslItem? brief = null, Func<PageContext>? print = null, CitationCache? cache = null)
    {
        // The brief's own reference ("Cite this brief"), by a processor of its own: it is not one of the sources.
        if (brief is not null)
        {
            string? Format() => new CslProcessor(style.Style, style.Locale, [brief]).FormatBibliography(substituteAuthors: false) is [var entry, ..]
                ? CslHtml.Write(entry.Text)
                : null;
            Guard(diagnostics, style, () => BriefHtml = cache is null ? Format() : cache.BriefHtml(style, brief, Format));
        }

        Style = style;
        var byId = sources.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var ordered = InOrder(pages);

        // Every source the brief cites, in the order it is first cited: in a numeric style that is its number, and
        // disambiguation counts every cite, so the processor knows them all before any note is formatted.
        IReadOnlyList<string> Cited()
        {
            var cited = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var page in ordered)
            {
                if (cited.Count == byId.Count)
                {
                    break; // Every source is cited already: the later pages cannot change the order.
                }

                foreach (var key in page.Notes.CitedKeys)
                {
                    if (byId.ContainsKey(key) && seen.Add(key))
                    {
                        cited.Add(key);
                    }
                }
            }

            return cited;
        }

        var cited = cache is null ? Cited() : cache.Cited(ordered, sources, Cited);

        _sources = cache?.Sources(style, sources, cited) ?? new FormattedSources();
        if (!_sources.Complete)
        {
            var items = byId.Values.Select(SourceItems.Of).ToList();
            Guard(diagnostics, style, () => _sources.Fill(() =>
            {
                var processor = new CslProcessor(style.Style, style.Locale, items);
                processor.Register(cited);
                return processor;
            }, byId));
            if (!_sources.Complete)
            {
                _sources.Order([], byId); // The style failed (reported): every source by title.
            }
        }

        // Each page's notes are a function of the page and the registered sources: pages are formatted side by side,
        // those without kept notes only (a preview rebuild keeps all but one or two).
        var kept = cache?.Kept(_sources, ordered) ?? new PageNotes?[ordered.Count];
        var missing = new List<int>();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (kept[i] is null)
            {
                missing.Add(i);
            }
        }

        // A few (a preview rebuild's edited pages) are formatted on this thread: a parallel query would wait here for
        // pool threads that the checks running beside it hold, and the pool adds threads only every half second or so.
        (int Place, (PageNotes? Notes, Exception? Failure) Result) FormatAt(int i) => (i, Try(() => Format(ordered[i], byId)));
        var results = missing.Count <= FewPages ? missing.Select(FormatAt) : missing.AsParallel().Select(FormatAt);
        var fresh = new bool[ordered.Count];
        var failedAt = ordered.Count;
        Exception? failure = null;
        foreach (var (i, (notes, failed)) in results)
        {
            kept[i] = notes;
            fresh[i] = true;
            if (failed is not null && i < failedAt)
            {
                (failedAt, failure) = (i, failed);
            }
        }

        // The first page that failed, in page order, is reported; it and the pages after it have no notes (all pages,
        // when the style failed before them).
        var noneFrom = _failed ? 0 : failedAt;
        Failed(diagnostics, style, failure);
        Array.Clear(kept, noneFrom, kept.Length - noneFrom);

        _pages = cache?.Passed(_sources, ordered, kept, fresh) ?? ByPath(ordered, kept);

        if (print is not null)
        {
            _printPath = Resolve.SitePaths.Print;
            _formatPrint = stop =>
            {
                var (notes, failure) = _failed ? default : Try(() => Format(print(), byId, _sources.PrintMemo, stop));
                Failed(diagnostics, style, failure);
                return notes;
            };
        }

        Bibliography = _sources.Bibliography;
    }

    /// <summary>One page's notes in the style: one CSL citation per citation note, and one per citation written in a footnote, in note order.</summary>
    /// <param name="page">The page.</param>
    /// <param name="byId">The sources by id.</param>
    /// <param name="memo">The notes this page had when last formatted (the preview's print page), to take unchanged ones from.</param>
    /// <param name="stop">Looked at between citations (the preview's print page, which a save interrupts).</param>
    private PageNotes? Format(PageContext page, Dictionary<string, Source> byId, CslCitationMemo? memo = null, CancellationToken stop = default)
    {
        var citations = new List<(Note Note, CitationInline? InNote, CslCitation Citation)>();
        foreach (var note in page.Notes.Notes)
        {
            if (note.Item is { } item && byId.ContainsKey(item.Key))
            {
                citations.Add((note, null, new CslCitation([Cite(item, Style.Style.IsNoteStyle)]) { NoteNumber = note.Number }));
            }

            foreach (var inNote in note.Citations.Where(c => c.Items.All(i => byId.ContainsKey(i.Key))))
            {
                citations.Add((note, inNote, new CslCitation(inNote.Items.Select(i => Cite(i, noteStyle: false)).ToList()) { NoteNumber = note.Number }));
            }
        }

        if (citations.Count == 0 || _sources.Processor is null)
        {
            return null;
        }

        // A long page (print repeats every page) is formatted in parts side by side, one per core, positions counted
        // through all its notes: the text is the same however it is divided.
        var all = citations.Select(c => c.Citation).ToList();
        memo?.Next();
        var size = all.Count < LongPage ? all.Count : (all.Count + Environment.ProcessorCount - 1) / Environment.ProcessorCount;
        List<(IReadOnlyList<CslCitationResult> Results, Dictionary<int, InTextCitation?> InText)> parts;
        try
        {
            (IReadOnlyList<CslCitationResult> Results, Dictionary<int, InTextCitation?> InText) Part(int part) => _sources.With(processor =>
                {
                    var start = part * size;
                    var results = processor.FormatCitations(all, start, Math.Min(size, all.Count - start), memo, stop);
                    var inText = new Dictionary<int, InTextCitation?>();
                    for (var i = 0; i < results.Count; i++)
                    {
                        if (citations[start + i] is { InNote: null, Note: var note } && note.Item!.Mode == CitationMode.AuthorInText)
                        {
                            inText[note.Number] = InText(processor, note.Item, Style.Style.IsNoteStyle);
                        }
                    }

                    return (Results: results, InText: inText);
                });
            var count = (all.Count + size - 1) / size;
            parts = count == 1 ? [Part(0)] : Enumerable.Range(0, count).AsParallel().AsOrdered().WithCancellation(stop).Select(Part).ToList();
        }
        catch (OperationCanceledException)
        {
            memo?.Stopped();
            throw;
        }

        var notes = new PageNotes();
        var at = 0;
        foreach (var (results, inText) in parts)
        {
            foreach (var result in results)
            {
                var (note, inNote, _) = citations[at++];
                if (inNote is not null)
                {
                    notes.InNotes[inNote] = result.Text;
                }
                else
                {
                    notes.Notes[note.Number] = result.Text;
                }
            }

            foreach (var (number, citation) in inText)
            {
                notes.InText[number] = citation;
            }
        }

        return notes;
    }

    /// <summary>
    /// The pages by order, then site path. The resolved brief lists them in that order already (reading order, then the
    /// generated pages, then the entities), so they are sorted only when they are not: a preview rebuild sorted thousands.
    /// </summary>
    private static List<PageContext> InOrder(IEnumerable<PageContext> pages)
    {
        var ordered = pages.ToList();
        static int Compare(PageContext a, PageContext b) =>
            a.Order != b.Order ? a.Order.CompareTo(b.Order) : string.CompareOrdinal(a.SitePath, b.SitePath);
        for (var i = 1; i < ordered.Count; i++)
        {
            if (Compare(ordered[i - 1], ordered[i]) > 0)
            {
                ordered.Sort(Compare); // Site paths are unique, so no two pages compare equal and the order is the sorted one.
                break;
            }
        }

        return ordered;
    }

    /// <summary>The notes of each page that has any, by site path.</summary>
    internal static Dictionary<string, PageNotes> ByPath(IReadOnlyList<PageContext> pages, PageNotes?[] notes)
    {
        var byPath = new Dictionary<string, PageNotes>(pages.Count, StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            if (notes[i] is { } n)
            {
                byPath[pages[i].SitePath] = n;
            }
        }

        return byPath;
    }

    /// <summary>Up to how many pages without kept notes are formatted one after another rather than side by side.</summary>
    private const int FewPages = 8;

    /// <summary>From how many citations on a page its notes are formatted in parts.</summary>
    private const int LongPage = 400;

    /// <summary>The notes, or what the processor threw: a style it cannot follow is reported once, in page order.</summary>
    private static (PageNotes? Notes, Exception? Failure) Try(Func<PageNotes?> format)
    {
        try
        {
            return (format(), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, e);
        }
    }

    private PageNotes? NotesOf(PageContext page) =>
        page.SitePath == _printPath ? PrintNotes() : _pages.GetValueOrDefault(page.SitePath);

    /// <summary>
    /// The print page's notes, formatted the first time they are asked for. A format that <paramref name="stop"/> stops
    /// throws <see cref="OperationCanceledException"/> and leaves them to be formatted when next asked for.
    /// </summary>
    private PageNotes? PrintNotes(CancellationToken stop = default)
    {
        lock (_printGate)
        {
            if (!_printDone)
            {
                _print = _formatPrint!(stop);
                _printDone = true;
            }

            return _print;
        }
    }

    /// <summary>
    /// Formats the print page's notes now, if they were not yet; <paramref name="stop"/> is looked at between citations, and
    /// a stopped format throws <see cref="OperationCanceledException"/> and is done again when next asked for.
    /// </summary>
    public void FormatPrint(CancellationToken stop)
    {
        if (_formatPrint is not null)
        {
            PrintNotes(stop);
        }
    }

    public CitationStyle Style { get; }

    /// <summary>
    /// Whether <paramref name="other"/> formats with the same processor, bibliography and entries as this one (the preview
    /// keeps them while the style, the sources and the order in which the brief first cites them are the same).
    /// </summary>
    internal bool SameSourcesAs(CitationFormatter other) => ReferenceEquals(_sources, other._sources);

    /// <summary>The brief's own reference in the style, as escaped HTML; null when the style has no bibliography.</summary>
    public string? BriefHtml { get; private set; }

    /// <summary>Every source, in the style's bibliography order.</summary>
    public IReadOnlyList<Source> Bibliography { get; }

    /// <summary>The source's entry as the bibliography lists it (a repeated author may be a dash), as escaped HTML.</summary>
    public string ListedHtml(Source source) => _sources.Listed.TryGetValue(source.Id, out var t) ? CslHtml.Write(t) : Html.Escape(source.Title) + ".";

    /// <summary>The source's full entry, standing on its own, as escaped HTML.</summary>
    public string EntryHtml(Source source) => _sources.Entries.TryGetValue(source.Id, out var t) ? CslHtml.Write(t) : Html.Escape(source.Title) + ".";

    /// <summary>The source's full entry as plain text (search).</summary>
    public string EntryText(Source source) => _sources.Entries.TryGetValue(source.Id, out var t) ? t.ToPlainText() : source.Title;

    /// <summary>The text of note <paramref name="note"/> on <paramref name="page"/>, as escaped HTML.</summary>
    public string NoteHtml(PageContext page, Note note) =>
        NotesOf(page) is { } notes && notes.Notes.TryGetValue(note.Number, out var t) ? CslHtml.Write(t) : Html.Escape(note.Item?.Key ?? "") + ".";

    /// <summary>In an author-date style, the citation note <paramref name="number"/>'s text for the running text (no links); null in a note style.</summary>
    public string? Parenthetical(PageContext page, int number) =>
        !Style.Style.IsNoteStyle && NotesOf(page) is { } notes && notes.Notes.TryGetValue(number, out var t) && !t.IsEmpty ? CslHtml.Write(t, links: false) : null;

    /// <summary>A citation written in a footnote on <paramref name="page"/>, as escaped HTML; null when it was not formatted.</summary>
    public string? InNote(PageContext page, CitationInline citation)
    {
        if (NotesOf(page) is not { } notes || !notes.InNotes.TryGetValue(citation, out var t))
        {
            return null;
        }

        // Inside the footnote's sentence the sentence's own punctuation follows: the note's closing period goes.
        var html = CslHtml.Write(t);
        return html.EndsWith('.') && !html.EndsWith("..", StringComparison.Ordinal) ? html[..^1] : html;
    }

    /// <summary>How the in-text citation whose note is <paramref name="number"/> on <paramref name="page"/> stands in the sentence.</summary>
    public InTextCitation? InText(PageContext page, int number) => NotesOf(page)?.InText.GetValueOrDefault(number);

    /// <summary>
    /// Pandoc's in-text form: the author-only cite in the sentence, then in a note style the note mark (the note
    /// holds the whole citation), in an author-date style the author-suppressed citation: Smith (2004, p. 33).
    /// </summary>
    private static InTextCitation? InText(CslProcessor processor, CitationItem item, bool noteStyle)
    {
        var cite = Cite(item, noteStyle: false);
        var author = processor.FormatCitation(new CslCitation([cite with { AuthorOnly = true, Prefix = null, Suffix = null }])).Text;
        if (author.IsEmpty)
        {
            return null;
        }

        var rest = noteStyle ? null : processor.FormatCitation(new CslCitation([cite with { SuppressAuthor = true }])).Text;
        return new InTextCitation(CslHtml.Write(author), rest is null || rest.IsEmpty ? null : CslHtml.Write(rest, links: false));
    }

    /// <summary>A citation item as a CSL cite: its locator with its CSL term, prefix and suffix as CSL markup.</summary>
    public static CslCitationItem Cite(CitationItem item, bool noteStyle)
    {
        var prefix = CitationMarkup.FromMarkdown(item.Prefix);
        // A note starts a sentence: "See …", as Pandoc capitalizes a note's first word.
        if (noteStyle && prefix.Length > 0 && char.IsLower(prefix[0]))
        {
            prefix = char.ToUpperInvariant(prefix[0]) + prefix[1..];
        }

        var locator = item.Locator;
        return new CslCitationItem(item.Key)
        {
            Prefix = prefix.Length > 0 ? prefix + " " : null,
            Suffix = item.SuffixAsWritten.Length > 0 ? CitationMarkup.FromMarkdown(item.SuffixAsWritten) : null,
            Locator = locator.Term == LocatorTerm.None || locator.Value.Length == 0 ? null : locator.Value,
            Label = locator.CslLabel is { Length: > 0 } label ? label : "page",
            // In a note style an in-text citation's author stands in the sentence, so its note leaves it out, as Pandoc's does.
            SuppressAuthor = item.Mode == CitationMode.SuppressAuthor || (noteStyle && item.Mode == CitationMode.AuthorInText),
        };
    }

    private void Guard(DiagnosticBag diagnostics, CitationStyle style, Action format)
    {
        if (_failed)
        {
            return;
        }

        try
        {
            format();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(diagnostics, style, e);
        }
    }

    /// <summary>Reports the first failure only: the rest is not formatted, as the build fails anyway.</summary>
    private void Failed(DiagnosticBag diagnostics, CitationStyle style, Exception? failure)
    {
        if (failure is null || _failed)
        {
            return;
        }

        _failed = true;
        if (failure is AggregateException { InnerExceptions.Count: > 0 } parts)
        {
            failure = parts.InnerExceptions[0]; // A long page's parts are formatted side by side: what one of them threw.
        }

        // A custom style the processor cannot follow fails the build with one line, never a stack trace.
        diagnostics.Error(Location.File("content/brief.yml"), DiagnosticCodes.CslFormatFailed,
            $"the CSL style '{style.Name}' could not format the notes or bibliography: {failure.Message}");
    }
}
