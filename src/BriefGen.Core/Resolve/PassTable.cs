using System.Collections.Concurrent;

namespace BriefGen.Resolve;

/// <summary>
/// What one pass of a preview rebuild computed for each key, kept for the next pass, which keeps what it used.
/// One table serves every pass: a hit marks its entry with the pass's number instead of copying it into a new table,
/// so a pass that finds what it kept allocates nothing per key; <see cref="End"/> drops the entries the pass did not
/// mark, a batch at a time. <see cref="Begin"/> and <see cref="End"/> are called by one thread; <see cref="Of"/> from many between them.
/// </summary>
internal sealed class PassTable<TKey, TValue>(IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _kept = new(comparer ?? EqualityComparer<TKey>.Default);
    private int _pass = 1;
    private int _marked; // Entries marked by the current pass (a key asked for twice in one pass counts once).
    private int _misses;

    /// <summary>How many keys were computed, not served from the table, over all passes.</summary>
    public int Misses => _misses;

    /// <summary>Starts a pass; <paramref name="forget"/> drops everything kept first.</summary>
    public void Begin(bool forget = false)
    {
        if (forget)
        {
            _kept.Clear();
        }

        _pass++;
        _marked = 0;
    }

    /// <summary>The kept value for <paramref name="key"/>, else <paramref name="compute"/>'s, kept.</summary>
    public TValue Of(TKey key, Func<TValue> compute)
    {
        var pass = Volatile.Read(ref _pass);
        if (_kept.TryGetValue(key, out var entry))
        {
            if (Interlocked.Exchange(ref entry.Pass, pass) != pass)
            {
                Interlocked.Increment(ref _marked);
            }

            return entry.Value;
        }

        Interlocked.Increment(ref _misses);
        var made = new Entry(compute(), pass);
        if (_kept.TryAdd(key, made))
        {
            Interlocked.Increment(ref _marked);
            return made.Value;
        }

        return Of(key, () => made.Value); // Another thread kept one for the same key meanwhile: that one is used.
    }

    /// <summary>How many entries a pass did not use may stay before <see cref="End"/> drops them.</summary>
    internal const int StaleAllowed = 64;

    /// <summary>
    /// Ends a pass: what it did not use is dropped, once more than <see cref="StaleAllowed"/> such entries have gathered.
    /// A one-page edit leaves one or two behind per pass (the page's texts as they were); looking through every entry
    /// for them on each pass would cost more than the pass saves, so they are swept a batch at a time.
    /// </summary>
    public void End()
    {
        if (_kept.Count - _marked <= StaleAllowed)
        {
            return;
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
}
