namespace BriefGen.Markdown.Citations;

/// <summary>
/// One mark in the text pointing at a note: its id (<c>cite-2-1</c>), its note and its back-link letter, and the
/// citation item it stands for (null for a footnote's mark, <c>[^1]</c>).
/// </summary>
public sealed record CitationMark(string Id, int NoteNumber, string NoteId, string BackLink, CitationItem? Item);

/// <summary>
/// A numbered note of one output page: a citation's (uses of the same source, locator, prefix and suffix share
/// it, Wikipedia's convention: one number, one back-link per use) or a footnote's (<c>[^1]</c>, whose text may
/// itself cite: those citations are part of the note, in <see cref="Citations"/>).
/// </summary>
public sealed class Note
{
    private readonly List<CitationMark> _marks = [];

    internal Note(int number, string id, CitationItem item)
    {
        Number = number;
        Id = id;
        Item = item;
    }

    internal Note(int number, string id, Markdig.Extensions.Footnotes.Footnote footnote, IReadOnlyList<CitationInline> citations)
    {
        Number = number;
        Id = id;
        Footnote = footnote;
        Citations = citations;
    }

    public int Number { get; }

    public string Id { get; }

    /// <summary>The cited item of a citation's note; null for a footnote.</summary>
    public CitationItem? Item { get; }

    /// <summary>The footnote this note shows; null for a citation's note.</summary>
    public Markdig.Extensions.Footnotes.Footnote? Footnote { get; }

    /// <summary>The citations written in a footnote's text, in order; empty for a citation's note.</summary>
    public IReadOnlyList<CitationInline> Citations { get; } = [];

    /// <summary>The marks that point here, in reading order.</summary>
    public IReadOnlyList<CitationMark> Marks => _marks;

    internal void Add(CitationMark mark) => _marks.Add(mark);
}

/// <summary>
/// The notes of one output page and the marks of each citation on it, numbered by the resolve stage in
/// reading order. Read-only once resolved: rendering looks marks up, it never numbers.
/// </summary>
public sealed class NoteSet
{
    private readonly List<Note> _notes = [];
    private readonly Dictionary<CitationInline, IReadOnlyList<CitationMark>> _marks = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Markdig.Extensions.Footnotes.FootnoteLink, CitationMark> _footnoteMarks = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<CitationInline, Note> _inNotes = new(ReferenceEqualityComparer.Instance);

    private List<string>? _citedKeys;

    public IReadOnlyList<Note> Notes => _notes;

    /// <summary>
    /// Every key the notes cite, each once, in the order the notes first cite it (a footnote's citations in its place).
    /// Listed when first asked for, once per resolved page: the preview keeps unchanged pages, so a rebuild lists only
    /// the changed ones.
    /// </summary>
    public IReadOnlyList<string> CitedKeys => LazyInitializer.EnsureInitialized(ref _citedKeys, ListCitedKeys);

    private List<string> ListCitedKeys()
    {
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var note in _notes)
        {
            if (note.Item is { } item && seen.Add(item.Key))
            {
                keys.Add(item.Key);
            }

            foreach (var citation in note.Citations)
            {
                foreach (var cite in citation.Items)
                {
                    if (seen.Add(cite.Key))
                    {
                        keys.Add(cite.Key);
                    }
                }
            }
        }

        return keys;
    }

    /// <summary>The marks of one citation on this page, one per item; null when the citation is not on this page.</summary>
    public IReadOnlyList<CitationMark>? MarksOf(CitationInline citation) => _marks.GetValueOrDefault(citation);

    internal bool Has(CitationInline citation) => _marks.ContainsKey(citation) || _inNotes.ContainsKey(citation);

    /// <summary>The mark of a footnote reference (<c>[^1]</c>) on this page; null when the page does not show it.</summary>
    public CitationMark? MarkOf(Markdig.Extensions.Footnotes.FootnoteLink link) => _footnoteMarks.GetValueOrDefault(link);

    /// <summary>The footnote's note that a citation written in a footnote is part of; null for a citation in the text.</summary>
    public Note? NoteOf(CitationInline citation) => _inNotes.GetValueOrDefault(citation);

    internal void Add(Markdig.Extensions.Footnotes.FootnoteLink link, CitationMark mark) => _footnoteMarks[link] = mark;

    internal void AddInNote(CitationInline citation, Note note) => _inNotes[citation] = note;

    internal void Add(CitationInline citation, IReadOnlyList<CitationMark> marks) => _marks[citation] = marks;

    internal void Add(Note note) => _notes.Add(note);
}
