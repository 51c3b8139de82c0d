namespace BriefGen.Markdown.Citations;

/// <summary>One mark in the text pointing at a note: its id (<c>cite-2-1</c>), its note and its back-link letter.</summary>
public sealed record CitationMark(string Id, int NoteNumber, string NoteId, string BackLink, CitationItem Item);

/// <summary>
/// A numbered note of one output page. Uses of the same source, locator, prefix and suffix share it
/// (Wikipedia's convention): one number, one back-link per use.
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

    public int Number { get; }

    public string Id { get; }

    public CitationItem Item { get; }

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

    public IReadOnlyList<Note> Notes => _notes;

    /// <summary>The marks of one citation on this page, one per item; null when the citation is not on this page.</summary>
    public IReadOnlyList<CitationMark>? MarksOf(CitationInline citation) => _marks.GetValueOrDefault(citation);

    internal bool Has(CitationInline citation) => _marks.ContainsKey(citation);

    internal void Add(CitationInline citation, IReadOnlyList<CitationMark> marks) => _marks[citation] = marks;

    internal void Add(Note note) => _notes.Add(note);
}
