namespace BriefGen;

/// <summary>Comparisons of two lists by a string each item gives (an id, a path).</summary>
internal static class ListKeys
{
    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> give the same strings, item by item: at once for the same list.</summary>
    public static bool Same<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, Func<T, string?> key)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(key(a[i]), key(b[i]), StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
