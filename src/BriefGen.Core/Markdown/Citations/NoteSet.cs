namespace BriefGen.Markdown.Citations;

/// <summary>
/// A numbered note of one output page. Uses of the same source, locator, prefix and suffix share it
/// (Wikipedia's convention): one number, one back-link per use.
/// </summary>
public sealed class Note(int number, CitationItem item)
{
    private readonly List<string> _marks = [];

    public int Number { get; } = number;

    public string Id => $"note-{Number}";

    public CitationItem Item { get; } = item;

    /// <summary>The ids of the marks that point here, in reading order.</summary>
    public IReadOnlyList<string> Marks => _marks;

    internal string AddMark()
    {
        var id = $"cite-{Number}-{_marks.Count + 1}";
        _marks.Add(id);
        return id;
    }
}

/// <summary>The notes of one output page, numbered in the order their first mark is rendered.</summary>
public sealed class NoteSet
{
    private readonly List<Note> _notes = [];
    private readonly Dictionary<(string, LocatorTerm, string, string, string, CitationMode), Note> _byIdentity = [];

    public IReadOnlyList<Note> Notes => _notes;

    /// <summary>Records one use of <paramref name="item"/>: its note and the id of the new mark.</summary>
    public (Note Note, string MarkId) Use(CitationItem item)
    {
        // The display makes ¶4 and para. 4 one note.
        var key = (item.Key, item.Locator.Term, item.Locator.Display, item.Prefix, item.Suffix, item.Mode);
        if (!_byIdentity.TryGetValue(key, out var note))
        {
            note = new Note(_notes.Count + 1, item);
            _notes.Add(note);
            _byIdentity.Add(key, note);
        }

        return (note, note.AddMark());
    }
}
