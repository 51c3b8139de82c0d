using System.Collections.Concurrent;
using BriefGen.Csl.Rendering;

namespace BriefGen.Csl;

/// <summary>
/// Formatted citations kept by what decides their text, for a document formatted again and again with few changes (a
/// preview that reformats a long page on every save): the cites, in the order the style sorts them, and each cite's
/// position. A citation whose cites and positions are the same as in the last pass is not rendered again. Note numbers
/// count only where the style reads them (<c>first-reference-note-number</c>, <c>near-note</c>), so the citations after
/// an added note are still found.
/// </summary>
/// <remarks>
/// The text of a citation also depends on what the processor knows: its style, locale, items and the order in which they
/// were first cited (citation numbers, disambiguation). A memo is for processors that know the same of all of these; the
/// caller makes a new memo when any of them changes. Thread-safe: processors formatting parts of one document side by side
/// may share it.
/// </remarks>
public sealed class CslCitationMemo
{
    private ConcurrentDictionary<Key, CslCitationResult> _current = new();
    private ConcurrentDictionary<Key, CslCitationResult> _last = new();

    /// <summary>How many citations were served from the memo since it was made.</summary>
    internal int Hits => _hits;

    private int _hits;

    /// <summary>
    /// Starts a pass over the document: what the last pass used stays, what it did not use is let go. Called before each
    /// pass, so the memo holds one document's worth of citations however many passes run.
    /// </summary>
    public void Next()
    {
        _last = _current;
        _current = new ConcurrentDictionary<Key, CslCitationResult>();
    }

    /// <summary>
    /// Ends a pass that was stopped midway: what it formatted joins what the pass before it kept, and the next
    /// <see cref="Next"/> keeps both, so a stopped pass does not let go of what the next one needs.
    /// </summary>
    public void Stopped()
    {
        foreach (var (key, result) in _current)
        {
            _last.TryAdd(key, result);
        }

        _current = _last;
        _last = new ConcurrentDictionary<Key, CslCitationResult>();
    }

    internal bool TryGet(Key key, out CslCitationResult result)
    {
        if (_current.TryGetValue(key, out result!) || _last.TryGetValue(key, out result!))
        {
            _current.TryAdd(key, result);
            Interlocked.Increment(ref _hits);
            return true;
        }

        return false;
    }

    internal void Add(Key key, CslCitationResult result) => _current.TryAdd(key, result);

    /// <summary>A citation as the renderer sees it: its sorted cites and their positions (note numbers only where the style reads them).</summary>
    internal sealed class Key : IEquatable<Key>
    {
        private readonly IReadOnlyList<CslCitationItem> _cites;
        private readonly CitePosition[] _positions;
        private readonly int _hash;

        public Key(IReadOnlyList<CslCitationItem> cites, CitePosition[] positions)
        {
            _cites = cites;
            _positions = positions;
            var hash = new HashCode();
            for (var i = 0; i < cites.Count; i++)
            {
                hash.Add(cites[i]);
                hash.Add(positions[i]);
            }

            _hash = hash.ToHashCode();
        }

        public bool Equals(Key? other)
        {
            if (other is null || other._hash != _hash || other._cites.Count != _cites.Count)
            {
                return false;
            }

            for (var i = 0; i < _cites.Count; i++)
            {
                if (!_cites[i].Equals(other._cites[i]) || _positions[i] != other._positions[i])
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as Key);

        public override int GetHashCode() => _hash;
    }
}
