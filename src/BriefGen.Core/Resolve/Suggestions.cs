namespace BriefGen.Resolve;

/// <summary>"Did you mean …?" for a misspelt id: the known ids within a small edit distance.</summary>
public static class Suggestions
{
    public static IReadOnlyList<string> Near(string wrong, IEnumerable<string> known) => known
        .Select(k => (Id: k, Distance: Distance(wrong, k)))
        .Where(x => x.Distance <= Math.Max(1, Math.Min(3, wrong.Length / 3)))
        .OrderBy(x => x.Distance)
        .ThenBy(x => x.Id, StringComparer.Ordinal)
        .Take(3)
        .Select(x => x.Id)
        .ToList();

    /// <summary>
    /// Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment),
    /// so the commonest typo, "nmae" for "name", is as near as a single wrong letter.
    /// </summary>
    public static int Distance(string a, string b)
    {
        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], before[j - 2] + 1);
                }
            }

            (before, previous, current) = (previous, current, before);
        }

        return previous[b.Length];
    }
}
