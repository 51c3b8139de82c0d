namespace BriefGen.Markdown.Citations;

/// <summary>
/// An introductory signal leading a citation's prefix, as legal and Chicago citation use them. With no signal
/// (or <see cref="Eg"/>, <see cref="Accord"/>) the source states what the sentence says; after the others it
/// supports the sentence only indirectly (<c>see</c>, <c>cf.</c>) or contradicts it (<c>contra</c>, <c>but see</c>).
/// </summary>
public enum Signal
{
    None,
    Eg,
    Accord,
    See,
    SeeEg,
    SeeAlso,
    SeeGenerally,
    Cf,
    Compare,
    Contra,
    ButSee,
    ButCf,
}

/// <summary>Finds the signal at the start of a citation prefix.</summary>
public static class Signals
{
    // Longest first: "see also" before "see"; "see, e.g.," before "see".
    private static readonly (string Words, Signal Signal)[] Written =
    [
        ("see generally", Signal.SeeGenerally),
        ("see, e.g.,", Signal.SeeEg),
        ("see e.g.,", Signal.SeeEg),
        ("see, e.g.", Signal.SeeEg),
        ("see e.g.", Signal.SeeEg),
        ("see also", Signal.SeeAlso),
        ("but see", Signal.ButSee),
        ("but cf.", Signal.ButCf),
        ("compare", Signal.Compare),
        ("accord", Signal.Accord),
        ("contra", Signal.Contra),
        ("e.g.,", Signal.Eg),
        ("e.g.", Signal.Eg),
        ("cf.", Signal.Cf),
        ("cf", Signal.Cf),
        ("see", Signal.See),
    ];

    /// <summary>
    /// The signal that <paramref name="prefix"/> starts with, ignoring case and emphasis (<c>*see*</c>, <c>_cf._</c>):
    /// <c>see</c>, <c>see also</c>, <c>cf.</c>, <c>compare</c>, <c>but see</c>, <c>contra</c>, <c>e.g.,</c>, <c>see, e.g.,</c> ….
    /// </summary>
    public static Signal Of(string prefix)
    {
        var plain = PlainText.Squash(prefix.Replace("*", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal));
        foreach (var (words, signal) in Written)
        {
            if (plain.StartsWith(words, StringComparison.OrdinalIgnoreCase) &&
                (plain.Length == words.Length || !char.IsLetterOrDigit(plain[words.Length])))
            {
                return signal;
            }
        }

        return Signal.None;
    }
}
