namespace BriefGen.Verify.Text;

/// <summary>
/// Citation signals (SPEC §3): a citation led by <c>see</c>, <c>see also</c>, <c>cf.</c>, <c>compare</c>,
/// <c>but see</c>, <c>contra</c> or <c>e.g.</c> says the source supports the sentence indirectly, so the
/// sentence's numbers are not held against it.
/// </summary>
public static class Signals
{
    private static readonly string[] Words = ["see also", "but see", "see, e.g.", "see generally", "see", "cf.", "cf", "compare", "contra", "e.g.", "accord"];

    /// <summary>Whether a citation item's prefix starts with a signal.</summary>
    public static bool Leads(string prefix)
    {
        var p = prefix.TrimStart().TrimStart('*', '_');
        foreach (var word in Words)
        {
            if (p.StartsWith(word, StringComparison.OrdinalIgnoreCase) &&
                (p.Length == word.Length || !char.IsLetter(p[word.Length])))
            {
                return true;
            }
        }

        return false;
    }
}
