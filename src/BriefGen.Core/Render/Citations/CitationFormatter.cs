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
    private readonly Dictionary<string, CslRichText> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CslRichText> _listed = new(StringComparer.Ordinal);
    private readonly Dictionary<(string SitePath, int Number), CslRichText> _notes = [];
    private readonly Dictionary<(string SitePath, int Number), InTextCitation?> _inText = [];
    private readonly Dictionary<string, Dictionary<CitationInline, CslRichText>> _inNotes = new(StringComparer.Ordinal);
    private bool _failed;

    public CitationFormatter(CitationStyle style, IReadOnlyList<Source> sources, IEnumerable<PageContext> pages, DiagnosticBag diagnostics,
        CslItem? brief = null)
    {
        // The brief's own reference ("Cite this brief"), by a processor of its own: it is not one of the sources.
        if (brief is not null)
        {
            Guard(diagnostics, style, () =>
                BriefHtml = new CslProcessor(style.Style, style.Locale, [brief]).FormatBibliography(substituteAuthors: false) is [var entry, ..]
                    ? CslHtml.Write(entry.Text)
                    : null);
        }

        Style = style;
        var items = sources.GroupBy(s => s.Id, StringComparer.Ordinal).Select(g => SourceItems.Of(g.First())).ToList();
        var byId = sources.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var processor = new CslProcessor(style.Style, style.Locale, items);
        var ordered = pages.OrderBy(p => p.Order).ThenBy(p => p.SitePath, StringComparer.Ordinal).ToList();

        // Notes first: in a numeric style, a source's number is the order of its first citation.
        foreach (var page in ordered)
        {
            // One CSL citation per citation note, and one per citation written in a footnote, all in note order.
            var citations = new List<(Note Note, CitationInline? InNote, CslCitation Citation)>();
            foreach (var note in page.Notes.Notes)
            {
                if (note.Item is { } item && byId.ContainsKey(item.Key))
                {
                    citations.Add((note, null, new CslCitation([Cite(item, style.Style.IsNoteStyle)]) { NoteNumber = note.Number }));
                }

                foreach (var inNote in note.Citations.Where(c => c.Items.All(i => byId.ContainsKey(i.Key))))
                {
                    citations.Add((note, inNote, new CslCitation(inNote.Items.Select(i => Cite(i, noteStyle: false)).ToList()) { NoteNumber = note.Number }));
                }
            }

            if (citations.Count == 0)
            {
                continue;
            }

            var inNotes = new Dictionary<CitationInline, CslRichText>(ReferenceEqualityComparer.Instance);
            _inNotes[page.SitePath] = inNotes;
            Guard(diagnostics, style, () =>
            {
                var results = processor.FormatCitations(citations.Select(c => c.Citation).ToList());
                for (var i = 0; i < citations.Count; i++)
                {
                    var (note, inNote, _) = citations[i];
                    if (inNote is not null)
                    {
                        inNotes[inNote] = results[i].Text;
                        continue;
                    }

                    _notes[(page.SitePath, note.Number)] = results[i].Text;
                    if (note.Item!.Mode == CitationMode.AuthorInText)
                    {
                        _inText[(page.SitePath, note.Number)] = InText(processor, note.Item, style.Style.IsNoteStyle);
                    }
                }
            });
        }

        var bibliography = new List<string>();
        Guard(diagnostics, style, () =>
        {
            foreach (var entry in processor.FormatBibliography())
            {
                bibliography.Add(entry.Id);
                _listed[entry.Id] = entry.Text;
            }

            foreach (var entry in processor.FormatBibliography(substituteAuthors: false))
            {
                _entries[entry.Id] = entry.Text;
            }
        });

        // A style without a bibliography (or one that prints nothing for a source) still lists every source,
        // in the bibliography's order and then by title.
        Bibliography = bibliography
            .Concat(byId.Values.Where(s => !_listed.ContainsKey(s.Id)).OrderBy(s => s.Title, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => s.Id))
            .Select(id => byId[id]).ToList();
    }

    public CitationStyle Style { get; }

    /// <summary>The brief's own reference in the style, as escaped HTML; null when the style has no bibliography.</summary>
    public string? BriefHtml { get; private set; }

    /// <summary>Every source, in the style's bibliography order.</summary>
    public IReadOnlyList<Source> Bibliography { get; }

    /// <summary>The source's entry as the bibliography lists it (a repeated author may be a dash), as escaped HTML.</summary>
    public string ListedHtml(Source source) => _listed.TryGetValue(source.Id, out var t) ? CslHtml.Write(t) : Html.Escape(source.Title) + ".";

    /// <summary>The source's full entry, standing on its own, as escaped HTML.</summary>
    public string EntryHtml(Source source) => _entries.TryGetValue(source.Id, out var t) ? CslHtml.Write(t) : Html.Escape(source.Title) + ".";

    /// <summary>The source's full entry as plain text (search).</summary>
    public string EntryText(Source source) => _entries.TryGetValue(source.Id, out var t) ? t.ToPlainText() : source.Title;

    /// <summary>The text of note <paramref name="note"/> on <paramref name="page"/>, as escaped HTML.</summary>
    public string NoteHtml(PageContext page, Note note) =>
        _notes.TryGetValue((page.SitePath, note.Number), out var t) ? CslHtml.Write(t) : Html.Escape(note.Item?.Key ?? "") + ".";

    /// <summary>In an author-date style, the citation note <paramref name="number"/>'s text for the running text (no links); null in a note style.</summary>
    public string? Parenthetical(PageContext page, int number) =>
        !Style.Style.IsNoteStyle && _notes.TryGetValue((page.SitePath, number), out var t) && !t.IsEmpty ? CslHtml.Write(t, links: false) : null;

    /// <summary>A citation written in a footnote on <paramref name="page"/>, as escaped HTML; null when it was not formatted.</summary>
    public string? InNote(PageContext page, CitationInline citation)
    {
        if (!_inNotes.TryGetValue(page.SitePath, out var map) || !map.TryGetValue(citation, out var t))
        {
            return null;
        }

        // Inside the footnote's sentence the sentence's own punctuation follows: the note's closing period goes.
        var html = CslHtml.Write(t);
        return html.EndsWith('.') && !html.EndsWith("..", StringComparison.Ordinal) ? html[..^1] : html;
    }

    /// <summary>How the in-text citation whose note is <paramref name="number"/> on <paramref name="page"/> stands in the sentence.</summary>
    public InTextCitation? InText(PageContext page, int number) => _inText.GetValueOrDefault((page.SitePath, number));

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
            // Reported once: the rest is not formatted, as the build fails anyway.
            _failed = true;
            // A custom style the processor cannot follow fails the build with one line, never a stack trace.
            diagnostics.Error(Location.File("content/brief.yml"), DiagnosticCodes.CslFormatFailed,
                $"the CSL style '{style.Name}' could not format the notes or bibliography: {e.Message}");
        }
    }
}
