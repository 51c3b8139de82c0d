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
    private readonly TextMemo<TextChecks> _texts = new();
    private CitedPassages? _passages;

    /// <summary>How many texts were checked, not served from the cache.</summary>
    public int Misses => _texts.Misses;

    /// <summary>
    /// Starts a verify pass: the cited passages of this brief's sources, indexed once while the sources and entities
    /// stay the same; each text's checks are kept as long.
    /// </summary>
    internal CitedPassages Begin(ResolvedBrief brief, int texts)
    {
        object[] context =
        [
            .. brief.Sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => (object)s.Value), "\0",
            .. brief.Entities.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (object)e.Value),
        ];
        if (!_texts.Begin(texts, context) || _passages is null)
        {
            _passages = new CitedPassages(brief.Sources);
        }

        return _passages;
    }

    internal TextChecks Of<TState>(int slot, ParsedText text, TState state, Func<TState, TextChecks> check) => _texts.Of(slot, text, "", state, check);

    /// <summary>Ends the pass: only its texts' checks are kept.</summary>
    internal void End() => _texts.End();

    private GatheredChecks? _gathered;

    /// <summary>
    /// The texts' checks added up: patched from the last pass's sums when the texts are as many and few of their checks
    /// are new (a save changes one or two texts), else added up anew.
    /// </summary>
    internal GatheredChecks Gather(TextChecks[] texts)
    {
        var changed = 0;
        if (_gathered is { } last && last.Texts.Length == texts.Length)
        {
            for (var i = 0; i < texts.Length && changed <= texts.Length / 8; i++)
            {
                changed += ReferenceEquals(texts[i], last.Texts[i]) ? 0 : 1;
            }
        }

        return _gathered = _gathered is { } kept && kept.Texts.Length == texts.Length && changed <= texts.Length / 8
            ? kept.Patched(texts)
            : GatheredChecks.Of(texts);
    }
}
