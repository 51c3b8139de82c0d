using BriefGen.Diagnostics;

namespace BriefGen.Resolve;

/// <summary>
/// What one pass over the brief's texts found in each text, kept by the preview between rebuilds while the text (its
/// parsed document at its origin) and everything else the pass reads — its context, such as the ids the brief
/// defines — are the same. After a one-page edit the pass reads that page's texts again, not every text. Each
/// rebuild keeps what it used, so texts that are gone are forgotten (a batch at a time: see <see cref="PassTable{TKey, TValue}.End"/>).
/// </summary>
/// <remarks>
/// <see cref="Begin"/> and <see cref="End"/> bracket one pass and are called by one thread; <see cref="Of"/> may be
/// called from many during it.
/// </remarks>
public sealed class TextMemo<T>
{
    private object[]? _context;

    private readonly PassTable<(ParsedText Text, string Variant), T> _kept = new(KeyComparer.Instance);

    /// <summary>How many texts the pass read, not served from the memo, over all passes.</summary>
    public int Misses => _kept.Misses;

    /// <summary>
    /// Starts a pass; what was kept stays only if <paramref name="context"/> is what the last pass read: the same texts
    /// (strings compare by value) and the same objects (others compare by reference, as the load cache hands back the
    /// same object for an unchanged file). True when it is, and what was kept stays. <paramref name="slots"/> is how many
    /// texts the pass reads, each at its place (<see cref="Of"/>).
    /// </summary>
    public bool Begin(int slots, params object[] context)
    {
        var same = CacheKey.Same(_context, context);
        _context = context;
        _kept.Begin(slots, forget: !same);
        return same;
    }

    /// <summary>
    /// The pass's result for <paramref name="text"/>, which it reads at place <paramref name="slot"/> of its walk, read as
    /// <paramref name="variant"/> (what the pass reads of the text's place in the brief, such as the page it stands on):
    /// the kept one, else <paramref name="read"/>'s. The same text object at the same place as last pass (the parsed
    /// brief hands back the same object for an unchanged text) is its last result, found without a lookup.
    /// </summary>
    public T Of(int slot, ParsedText text, string variant, Func<T> read) => _kept.Of(slot, (text, variant), read, SameSlot);

    /// <summary><see cref="Of(int, ParsedText, string, Func{T})"/> with what <paramref name="read"/> reads handed in, not captured.</summary>
    public T Of<TState>(int slot, ParsedText text, string variant, TState state, Func<TState, T> read) => _kept.Of(slot, (text, variant), state, read, SameSlot);

    private static readonly Func<(ParsedText Text, string Variant), (ParsedText Text, string Variant), bool> SameSlot =
        (a, b) => ReferenceEquals(a.Text, b.Text) && string.Equals(a.Variant, b.Variant, StringComparison.Ordinal);

    /// <summary>Ends a pass: what it did not use is forgotten, a batch at a time.</summary>
    public void End() => _kept.End();

    /// <summary>A text is its document (the same object while its text is unchanged: compared by reference) at its origin.</summary>
    private sealed class KeyComparer : IEqualityComparer<(ParsedText Text, string Variant)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((ParsedText Text, string Variant) x, (ParsedText Text, string Variant) y) =>
            ReferenceEquals(x.Text.Document, y.Text.Document) && x.Text.Origin == y.Text.Origin && string.Equals(x.Variant, y.Variant, StringComparison.Ordinal);

        public int GetHashCode((ParsedText Text, string Variant) key) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Text.Document), key.Text.Origin.Start.Line, key.Variant.Length);
    }

    /// <summary><paramref name="read"/>'s result, through <paramref name="memo"/> by place when there is one.</summary>
    public static T Read(TextMemo<T>? memo, int slot, ParsedText text, string variant, Func<T> read) =>
        memo is null ? read() : memo.Of(slot, text, variant, read);

    /// <summary>
    /// <paramref name="read"/>'s result for <paramref name="state"/>, through <paramref name="memo"/> by place when there is
    /// one. With a static <paramref name="read"/>, a text found at its place allocates nothing: a pass over every text of a
    /// large brief after a one-page edit made two objects per text for closures it never called.
    /// </summary>
    public static T Read<TState>(TextMemo<T>? memo, int slot, ParsedText text, string variant, TState state, Func<TState, T> read) =>
        memo is null ? read(state) : memo.Of(slot, text, variant, state, read);
}

/// <summary>What a check reported about one text, to report again while the text is unchanged; and a count it made.</summary>
public sealed record TextFindings(IReadOnlyList<Diagnostic> Diagnostics, int Count = 0)
{
    public static readonly TextFindings None = new([]);

    /// <summary>Runs <paramref name="check"/> into a sink of its own and keeps what it reported.</summary>
    public static TextFindings Of(Func<DiagnosticBag, int> check)
    {
        var bag = new DiagnosticBag();
        var count = check(bag);
        var found = bag.Sorted();
        return found.Count == 0 && count == 0 ? None : new TextFindings(found, count);
    }

    public static TextFindings Of(Action<DiagnosticBag> check) => Of(bag =>
    {
        check(bag);
        return 0;
    });

    /// <summary>Reports the findings into <paramref name="diagnostics"/>; returns the count.</summary>
    public int ReportTo(DiagnosticBag diagnostics)
    {
        diagnostics.AddReported(Diagnostics);
        return Count;
    }
}
