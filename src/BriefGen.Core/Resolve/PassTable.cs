using System.Collections.Concurrent;

namespace BriefGen.Resolve;

/// <summary>
/// What one pass of a preview rebuild computed for each key, kept for the next pass, which keeps what it used.
/// One table serves every pass: a hit marks its entry with the pass's number instead of copying it into a new table,
/// so a pass that finds what it kept allocates nothing per key; <see cref="End"/> drops the entries the pass did not
/// mark, a batch at a time. <see cref="Begin"/> and <see cref="End"/> are called by one thread; <see cref="Of"/> from many between them.
/// </summary>
/// <remarks>
/// A pass that walks its keys in the same order every time (every text of the brief, every output page) names each
/// key's place, its slot: a key found in the same slot as last pass is told by <c>same</c>, which compares references,
/// without hashing it or reaching into the table. After a one-page edit of a large brief nearly every key is
/// where it was, and a table lookup per key, each a few cache misses into a heap of hundreds of megabytes, cost more
/// than the rest of the pass.
/// </remarks>
internal sealed class PassTable<TKey, TValue>(IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _kept = new(comparer ?? EqualityComparer<TKey>.Default);
    private int _pass = 1;
    private int _marked; // Entries marked by the current pass (a key asked for twice in one pass counts once).
    private int _misses;
    private Slot[] _last = [];    // Each slot's key and entry in the last pass that named slots.
    private Slot[] _current = []; // This pass's, filled as it asks.
    private Slot[] _spare = [];   // The array before _last, cleared and reused: two passes' slots, not one per pass.

    /// <summary>How many keys were computed, not served from the table, over all passes.</summary>
    public int Misses => _misses;

    /// <summary>
    /// Starts a pass that will name <paramref name="slots"/> places (<see cref="Of"/>); <paramref name="forget"/> drops
    /// everything kept first.
    /// </summary>
    public void Begin(int slots, bool forget = false)
    {
        if (forget)
        {
            _kept.Clear();
            _last = [];
        }

        _pass++;
        _marked = 0;
        _current = _spare.Length == slots ? _spare : new Slot[slots];
        Array.Clear(_current);
        _spare = [];
    }

    /// <summary>
    /// The value for <paramref name="key"/>, asked for at place <paramref name="slot"/> of the pass: the last pass's
    /// value at that place when <paramref name="same"/> says its key was this one, else the kept value for the key
    /// wherever it was, else <paramref name="compute"/>'s, kept.
    /// </summary>
    public TValue Of(int slot, TKey key, Func<TValue> compute, Func<TKey, TKey, bool> same) =>
        Kept(slot, key, same, out var kept) ? kept : Computed(slot, key, compute);

    /// <summary>
    /// <see cref="Of(int, TKey, Func{TValue}, Func{TKey, TKey, bool})"/> with what <paramref name="compute"/> reads handed
    /// in as <paramref name="state"/>, not captured: a key found in its slot costs no closure (at 5,000 pages, thousands per pass).
    /// </summary>
    public TValue Of<TState>(int slot, TKey key, TState state, Func<TState, TValue> compute, Func<TKey, TKey, bool> same) =>
        Kept(slot, key, same, out var kept) ? kept : Computed(slot, key, state, compute);

    /// <summary>
    /// The last pass's value at <paramref name="slot"/>, kept for this pass, when <paramref name="same"/> says its key is
    /// what <paramref name="state"/> would make; false otherwise, and nothing is kept for the slot yet. Lets a pass tell a
    /// key found at its place without making the key.
    /// </summary>
    public bool Kept<TState>(int slot, TState state, Func<TKey, TState, bool> same, out TValue value)
    {
        if ((uint)slot < (uint)_last.Length && _last[slot] is { Entry: { } kept } last && same(last.Key, state))
        {
            _current[slot] = last;
            value = kept.Value;
            return true;
        }

        value = default!;
        return false;
    }

    // Apart, so that the closure it makes is made only for a key not found in its slot.
    private TValue Computed<TState>(int slot, TKey key, TState state, Func<TState, TValue> compute) => Computed(slot, key, () => compute(state));

    private TValue Computed(int slot, TKey key, Func<TValue> compute)
    {
        var entry = EntryOf(key, compute);
        if ((uint)slot < (uint)_current.Length)
        {
            _current[slot] = new Slot(key, entry);
        }

        return entry.Value;
    }

    private Entry EntryOf(TKey key, Func<TValue> compute)
    {
        var pass = Volatile.Read(ref _pass);
        if (_kept.TryGetValue(key, out var entry))
        {
            if (Interlocked.Exchange(ref entry.Pass, pass) != pass)
            {
                Interlocked.Increment(ref _marked);
            }

            return entry;
        }

        Interlocked.Increment(ref _misses);
        var made = new Entry(compute(), pass);
        if (_kept.TryAdd(key, made))
        {
            Interlocked.Increment(ref _marked);
            return made;
        }

        return EntryOf(key, () => made.Value); // Another thread kept one for the same key meanwhile: that one is used.
    }

    /// <summary>How many entries a pass did not use may stay before <see cref="End"/> drops them.</summary>
    internal const int StaleAllowed = 64;

    /// <summary>
    /// Ends a pass: what it did not use is dropped, once more than <see cref="StaleAllowed"/> such entries have gathered.
    /// A one-page edit leaves one or two behind per pass (the page's texts as they were); looking through every entry
    /// for them on each pass would cost more than the pass saves, so they are swept a batch at a time. The entries
    /// found by slot were not marked one by one: they count as used, and are marked only when a sweep is due.
    /// </summary>
    public void End()
    {
        var bySlot = 0;
        foreach (var slot in _current)
        {
            bySlot += slot.Entry is null ? 0 : 1;
        }

        (_last, _spare) = (_current, _last);
        _current = [];

        if (_kept.Count - _marked - bySlot <= StaleAllowed)
        {
            return;
        }

        foreach (var slot in _last)
        {
            if (slot.Entry is { } entry)
            {
                entry.Pass = _pass;
            }
        }

        foreach (var (key, entry) in _kept)
        {
            if (entry.Pass != _pass)
            {
                _kept.TryRemove(key, out _);
            }
        }
    }

    private sealed class Entry(TValue value, int pass)
    {
        public readonly TValue Value = value;
        public int Pass = pass;
    }

    private readonly record struct Slot(TKey Key, Entry? Entry);
}
