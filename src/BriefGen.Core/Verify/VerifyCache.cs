using System.Collections.Concurrent;
using BriefGen.Resolve;

namespace BriefGen.Verify;

/// <summary>
/// What the preview keeps of the verify stage between rebuilds: the source indexes and each text's checks, for as
/// long as the sources and entities are the same objects (the load cache hands back the same objects while their
/// files are unchanged). A text is a parsed document at its origin, so an edited page is checked again and the
/// rest are not.
/// </summary>
public sealed class VerifyCache
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<ParsedText, TextChecks> _texts = new();
    private object[] _context = [];
    private CitedPassages? _passages;

    /// <summary>How many texts were checked, not served from the cache.</summary>
    public int Misses => _misses;

    private int _misses;

    /// <summary>The cited passages of this brief's sources, indexed once while the sources and entities stay the same.</summary>
    internal CitedPassages PassagesFor(ResolvedBrief brief)
    {
        var context = brief.Sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => (object)s.Value)
            .Concat(brief.Entities.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (object)e.Value))
            .ToArray();
        lock (_gate)
        {
            if (_passages is null || !context.SequenceEqual(_context, ReferenceEqualityComparer.Instance))
            {
                _context = context;
                _passages = new CitedPassages(brief.Sources);
                _texts.Clear();
            }

            // Only this brief's texts are worth keeping.
            var current = brief.Parsed.All().ToHashSet();
            foreach (var old in _texts.Keys.Where(t => !current.Contains(t)).ToList())
            {
                _texts.TryRemove(old, out _);
            }

            return _passages;
        }
    }

    internal TextChecks Of(ParsedText text, Func<TextChecks> check) =>
        _texts.GetOrAdd(text, _ =>
        {
            Interlocked.Increment(ref _misses);
            return check();
        });
}
